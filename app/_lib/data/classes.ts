import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client';
import { assertCanTeach, AuthorizationError, type Viewer } from '../auth/viewer';
import type { Result } from './users';

// Codes avoid look-alike characters (0/O, 1/I/L) so they can be read aloud.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateClassCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
}

export function normaliseClassCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

const createClassSchema = z.object({
  name: z.string().trim().min(1, 'Give the class a name.').max(80, 'Use at most 80 characters.'),
  courseId: z.string().trim().min(1).optional(),
});

export async function createClass(db: Db, viewer: Viewer, input: unknown): Promise<Result<{ id: string; code: string }>> {
  assertCanTeach(viewer);
  const parsed = createClassSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid input.' };
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateClassCode();
    if (await db.class.findUnique({ where: { code } })) continue;
    const created = await db.class.create({ data: { ...parsed.data, code, instructorId: viewer.id } });
    return { ok: true, value: { id: created.id, code: created.code } };
  }
  throw new Error('could not find a free class code in 5 attempts');
}

export async function joinClassByCode(db: Db, viewer: Viewer, code: string): Promise<Result<{ name: string }>> {
  const found = await db.class.findUnique({ where: { code: normaliseClassCode(code) } });
  if (!found) return { ok: false, error: 'No class has this code. Check it with your instructor.' };
  await db.classMembership.upsert({
    where: { classId_userId: { classId: found.id, userId: viewer.id } },
    update: {},
    create: { classId: found.id, userId: viewer.id },
  });
  return { ok: true, value: { name: found.name } };
}

/** Classes the viewer teaches (admins see every class), with members and their progress rows. */
export async function listTaughtClasses(db: Db, viewer: Viewer) {
  assertCanTeach(viewer);
  return db.class.findMany({
    where: viewer.role === 'admin' ? {} : { instructorId: viewer.id },
    orderBy: { createdAt: 'desc' },
    include: {
      instructor: { select: { name: true, email: true } },
      members: {
        orderBy: { joinedAt: 'asc' },
        include: {
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              enrollments: { select: { courseId: true, lastActiveAt: true } },
              lessonProgress: { select: { courseId: true, lessonId: true, completedAt: true } },
            },
          },
        },
      },
    },
  });
}

export async function listJoinedClasses(db: Db, viewer: Viewer) {
  return db.classMembership.findMany({
    where: { userId: viewer.id },
    include: { class: { select: { name: true, code: true, instructor: { select: { name: true } } } } },
  });
}

/** A class's member list, for its instructor or an admin only. */
export async function getClassRoster(db: Db, viewer: Viewer, classId: string) {
  assertCanTeach(viewer);
  const found = await db.class.findUnique({ where: { id: classId }, include: { members: { include: { user: true } } } });
  if (!found) return null;
  if (viewer.role !== 'admin' && found.instructorId !== viewer.id) throw new AuthorizationError('This is not your class.');
  return found;
}
