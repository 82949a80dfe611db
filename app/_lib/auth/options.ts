import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { getDb } from '../db/client';
import { authenticateWithPassword, getViewerById, upsertOAuthUser } from '../data/users';
import { getAuthSecret } from './secret';
import { isRole } from './viewer';

export const SIGN_IN_ERRORS = {
  invalid: 'Wrong email or password.',
  rate_limited: 'Too many failed attempts. Wait 15 minutes, then try again.',
} as const;

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const real = headers?.['x-real-ip'];
  return first || (typeof real === 'string' ? real : null);
}

export function isGitHubEnabled(): boolean {
  return Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET);
}

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const result = await authenticateWithPassword(getDb(), credentials ?? {}, clientIp(req.headers));
        // next-auth passes the thrown message to the client as `error`: a clear message, never a stack.
        if (!result.ok) throw new Error(SIGN_IN_ERRORS[result.error]);
        return { id: result.value.id, email: result.value.email, name: result.value.name, role: result.value.role };
      },
    }),
  ];
  if (isGitHubEnabled()) {
    list.push(GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! }));
  }
  return list;
}

let cached: Promise<NextAuthOptions> | undefined;

/** next-auth options; async because the secret may live in the database. */
export function getAuthOptions(): Promise<NextAuthOptions> {
  cached ??= buildAuthOptions().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildAuthOptions(): Promise<NextAuthOptions> {
  return {
    secret: await getAuthSecret(getDb()),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== 'github') return true;
        if (!user.email) return '/sign-in?error=GitHubEmail';
        const viewer = await upsertOAuthUser(getDb(), {
          provider: 'github',
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name ?? (profile as { login?: string } | undefined)?.login ?? null,
          image: user.image ?? null,
        });
        user.id = viewer.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          // Credentials users carry their role; OAuth users are looked up (ids were remapped in signIn).
          const role = (user as { role?: unknown }).role;
          token.role = isRole(role) ? role : ((await getViewerById(getDb(), user.id))?.role ?? 'student');
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.role = isRole(token.role) ? token.role : 'student';
        }
        return session;
      },
    },
  };
}
