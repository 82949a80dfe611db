// Who is asking. Every data-access function that reads or writes someone's data takes
// a Viewer and checks it right there, next to the query, not only in pages.
export type Role = 'student' | 'instructor' | 'admin';
export const roles: readonly Role[] = ['student', 'instructor', 'admin'];

export type Viewer = { id: string; email: string; name: string | null; role: Role };

export class AuthorizationError extends Error {
  constructor(message = 'You do not have access to this.') {
    super(message);
    this.name = 'AuthorizationError';
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function canTeach(viewer: Viewer | null | undefined): boolean {
  return viewer?.role === 'instructor' || viewer?.role === 'admin';
}

export function assertCanTeach(viewer: Viewer): void {
  if (!canTeach(viewer)) throw new AuthorizationError('Only instructors can do this.');
}
