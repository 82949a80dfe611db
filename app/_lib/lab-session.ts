// Server-side helper for the lab component: the current user's session for a lab.
import { getDb } from './db/client';
import { getLabSession } from './data/lab-sessions';
import { getViewer } from './session';

export async function getCurrentUserLabSession(labId: string) {
  const viewer = await getViewer();
  return viewer ? getLabSession(getDb(), viewer, labId) : null;
}
