// The signed-in viewer for server components and server actions.
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getAuthOptions } from './auth/options';
import { getDb } from './db/client';
import { getViewerById } from './data/users';
import type { Viewer } from './auth/viewer';

/**
 * The JWT says who the user is; the role is re-read from the database on each request,
 * so a role change (or a deleted account) takes effect at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  await connection(); // per-request: never prerendered at build time (it reads cookies and the database)
  const session = await getServerSession(await getAuthOptions());
  const id = session?.user?.id;
  return id ? getViewerById(getDb(), id) : null;
});

export async function requireViewer(callbackUrl: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return viewer;
}
