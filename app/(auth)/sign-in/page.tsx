import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { isGitHubEnabled } from '../../_lib/auth/options';
import { getViewer } from '../../_lib/session';
import { safeCallbackUrl } from '../safe-callback';
import { GitHubButton } from './github-button';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const errorMessages: Record<string, string> = {
  GitHubEmail: 'Your GitHub account has no public email address; add one or sign up with email.',
  OAuthAccountNotLinked: 'This email is already used by another sign-in method.',
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl: rawCallback, error } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallback);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Sign in to KubeLab</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-600 hover:underline">Create an account</Link>
      </p>
      <div className="card mt-6 space-y-4">
        <SignInForm callbackUrl={callbackUrl} initialError={error ? (errorMessages[error] ?? 'Sign-in failed. Please try again.') : undefined} />
        {isGitHubEnabled() && <GitHubButton callbackUrl={callbackUrl} />}
      </div>
    </div>
  );
}
