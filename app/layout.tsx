import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import './globals.css';
import { getViewer } from './_lib/session';
import { canTeach } from './_lib/auth/viewer';
import { SignOutButton } from './_components/ui/sign-out-button';

export const metadata: Metadata = {
  title: { default: 'KubeLab — learn Kubernetes by doing', template: '%s · KubeLab' },
  description: 'Kubernetes courses with a real-feeling cluster in your browser, graded as you go.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

async function Header() {
  const viewer = await getViewer();
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-brand-500 text-sm text-white">
            ⎈
          </span>
          KubeLab
        </Link>
        <div className="flex flex-1 flex-wrap items-center gap-4 text-sm font-medium text-slate-600 dark:text-slate-300">
          <Link href="/courses" className="hover:text-slate-900 dark:hover:text-white">Courses</Link>
          {viewer && <Link href="/dashboard" className="hover:text-slate-900 dark:hover:text-white">Dashboard</Link>}
          {canTeach(viewer) && <Link href="/teach" className="hover:text-slate-900 dark:hover:text-white">Teach</Link>}
        </div>
        <div className="flex items-center gap-3 text-sm">
          {viewer ? (
            <>
              <Link href="/account" className="font-medium hover:underline" data-testid="account-link">
                {viewer.name ?? viewer.email}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="font-medium hover:underline">Sign in</Link>
              <Link href="/sign-up" className="btn-primary py-1.5">Sign up</Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <Header />
        <main id="main" className="flex-1">{children}</main>
        <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-500 dark:border-slate-800">
          KubeLab — a Kubernetes course platform. Lessons and labs are open content in <code>content/</code>.
        </footer>
      </body>
    </html>
  );
}
