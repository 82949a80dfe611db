import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { isGitHubEnabled } from '../../_lib/auth/options';
import { getViewer } from '../../_lib/session';
import { safeCallbackUrl } from '../safe-callback';
import { GitHubButton } from '../sign-in/github-button';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Create your KubeLab account</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Already have one? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-600 hover:underline">Sign in</Link>
      </p>
      <div className="card mt-6 space-y-4">
        <SignUpForm callbackUrl={callbackUrl} />
        {isGitHubEnabled() && <GitHubButton callbackUrl={callbackUrl} />}
      </div>
    </div>
  );
}
