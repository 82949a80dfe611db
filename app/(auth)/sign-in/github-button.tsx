'use client';

import { signIn } from 'next-auth/react';

export function GitHubButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button type="button" className="btn-secondary w-full" onClick={() => signIn('github', { callbackUrl })}>
      Continue with GitHub
    </button>
  );
}
