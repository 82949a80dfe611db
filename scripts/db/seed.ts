// Demo data: three accounts (printed in the README), a class, and an enrollment.
// Idempotent: existing rows are left as they are, so re-running never resets passwords.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '../../app/_lib/db/client';
import { hashPassword } from '../../app/_lib/auth/password';
import { loadCatalogue } from '../../app/_lib/content';

export const DEMO_PASSWORD = 'kubelab-demo';
export const DEMO_USERS = [
  { email: 'student@kubelab.dev', name: 'Demo Student', role: 'student' },
  { email: 'instructor@kubelab.dev', name: 'Demo Instructor', role: 'instructor' },
  { email: 'admin@kubelab.dev', name: 'Demo Admin', role: 'admin' },
] as const;
export const DEMO_CLASS_CODE = 'DEMO-2026';
export const DEMO_COURSE_ID = 'kubernetes-first-steps';

export async function seedDemoData(db: Db, contentDir?: string): Promise<{ created: string[] }> {
  const created: string[] = [];
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    if (existing) {
      ids[u.role] = existing.id;
      continue;
    }
    const user = await db.user.create({ data: { ...u, passwordHash: await hashPassword(DEMO_PASSWORD) } });
    ids[u.role] = user.id;
    created.push(u.email);
  }
  const { courses } = loadCatalogue(contentDir);
  const course = courses.find((c) => c.id === DEMO_COURSE_ID) ?? courses[0];
  if (!(await db.class.findUnique({ where: { code: DEMO_CLASS_CODE } }))) {
    await db.class.create({
      data: { name: 'Demo class', code: DEMO_CLASS_CODE, instructorId: ids.instructor, courseId: course?.id },
    });
    created.push(`class ${DEMO_CLASS_CODE}`);
  }
  const demoClass = await db.class.findUniqueOrThrow({ where: { code: DEMO_CLASS_CODE } });
  await db.classMembership.upsert({
    where: { classId_userId: { classId: demoClass.id, userId: ids.student } },
    update: {},
    create: { classId: demoClass.id, userId: ids.student },
  });
  if (course) {
    await db.enrollment.upsert({
      where: { userId_courseId: { userId: ids.student, courseId: course.id } },
      update: {},
      create: { userId: ids.student, courseId: course.id, contentVersion: course.contentVersion },
    });
  }
  return { created };
}

async function main(): Promise<void> {
  const db = createDb();
  try {
    const { created } = await seedDemoData(db);
    console.log(created.length ? `seeded: ${created.join(', ')}` : 'demo data already present');
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error('seed failed:', error);
    process.exit(1);
  });
}
