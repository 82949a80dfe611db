import type { Metadata } from 'next';
import { getDb } from '../../_lib/db/client';
import { changePasswordAction, joinClassAction, updateProfileAction } from '../../_lib/actions/account-actions';
import { listJoinedClasses } from '../../_lib/data/classes';
import { getAccount } from '../../_lib/data/users';
import { requireViewer } from '../../_lib/session';
import { ActionForm } from '../../_components/ui/action-form';
import { PageHeader } from '../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requireViewer('/account');
  const db = getDb();
  const [account, classes] = await Promise.all([getAccount(db, viewer), listJoinedClasses(db, viewer)]);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10">
      <PageHeader title="Your account">
        {account.email} · <span className="capitalize" data-testid="account-role">{account.role}</span> · member since{' '}
        {account.createdAt.toISOString().slice(0, 10)}
        {account.accounts.length > 0 && <> · linked: {account.accounts.map((a) => a.provider).join(', ')}</>}
      </PageHeader>

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-4 text-lg font-semibold">Profile</h2>
        <ActionForm action={updateProfileAction} submitLabel="Save">
          <label htmlFor="name" className="label">Name</label>
          <input id="name" name="name" defaultValue={account.name ?? ''} required className="input" />
        </ActionForm>
      </section>

      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-4 text-lg font-semibold">{account.passwordHash ? 'Change password' : 'Set a password'}</h2>
        <ActionForm action={changePasswordAction} submitLabel="Update password">
          {account.passwordHash && (
            <>
              <label htmlFor="current" className="label">Current password</label>
              <input id="current" name="current" type="password" autoComplete="current-password" required className="input" />
            </>
          )}
          <label htmlFor="next" className="label">New password</label>
          <input id="next" name="next" type="password" autoComplete="new-password" minLength={8} required className="input" />
        </ActionForm>
      </section>

      <section className="card" aria-labelledby="classes-heading">
        <h2 id="classes-heading" className="mb-4 text-lg font-semibold">Classes</h2>
        {classes.length > 0 && (
          <ul className="mb-4 space-y-1 text-sm">
            {classes.map((m) => (
              <li key={m.id}>
                <span className="font-medium">{m.class.name}</span>
                {m.class.instructor.name && <span className="text-slate-500"> — {m.class.instructor.name}</span>}
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={joinClassAction} submitLabel="Join class">
          <label htmlFor="code" className="label">Class code from your instructor</label>
          <input id="code" name="code" placeholder="ABCD-2345" required className="input font-mono uppercase" />
        </ActionForm>
      </section>
    </div>
  );
}
