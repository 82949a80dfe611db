import Link from 'next/link';

export function AccessDenied({ message }: { message: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center" data-testid="access-denied">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-600">403 — Forbidden</p>
      <h1 className="mt-2 text-2xl font-bold">You don’t have access to this page</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">{message}</p>
      <Link href="/dashboard" className="btn-secondary mt-6">Back to your dashboard</Link>
    </div>
  );
}
