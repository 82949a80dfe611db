import type { Metadata } from 'next';
import { listCourses } from '../../_lib/content';
import { getDb } from '../../_lib/db/client';
import { createClassAction } from '../../_lib/actions/teach-actions';
import { listTaughtClasses } from '../../_lib/data/classes';
import { summariseProgress } from '../../_lib/data/progress';
import { canTeach } from '../../_lib/auth/viewer';
import { requireViewer } from '../../_lib/session';
import { AccessDenied } from '../../_components/ui/access-denied';
import { ActionForm } from '../../_components/ui/action-form';
import { PageHeader } from '../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage() {
  const viewer = await requireViewer('/teach');
  if (!canTeach(viewer)) return <AccessDenied message="This area is for instructors. Ask an administrator if you teach a class." />;
  // listTaughtClasses checks the role again, next to the data.
  const classes = await listTaughtClasses(getDb(), viewer);
  const courses = listCourses();
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10">
      <PageHeader title="Your classes">Create a class, share its code, and follow your students’ progress.</PageHeader>

      <section className="card" aria-labelledby="new-class-heading">
        <h2 id="new-class-heading" className="mb-4 text-lg font-semibold">New class</h2>
        <ActionForm action={createClassAction} submitLabel="Create class">
          <label htmlFor="class-name" className="label">Name</label>
          <input id="class-name" name="name" required placeholder="CKA prep — spring cohort" className="input" />
          <label htmlFor="class-course" className="label">Course</label>
          <select id="class-course" name="courseId" className="input">
            <option value="">Any course</option>
            {courses.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </ActionForm>
      </section>

      {classes.length === 0 && <p className="text-slate-600 dark:text-slate-400">No classes yet.</p>}
      {classes.map((cls) => {
        const course = courses.find((c) => c.id === cls.courseId);
        return (
          <section key={cls.id} className="card" aria-label={cls.name} data-testid="class-card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">{cls.name}</h2>
              <span className="text-sm">Join code: <code className="rounded bg-slate-100 px-2 py-0.5 font-mono dark:bg-slate-800">{cls.code}</code></span>
            </div>
            <p className="text-sm text-slate-500">
              {course ? course.title : 'Any course'} · {cls.members.length} {cls.members.length === 1 ? 'student' : 'students'}
              {viewer.role === 'admin' && ` · instructor: ${cls.instructor.name ?? cls.instructor.email}`}
            </p>
            {cls.members.length > 0 && (
              <table className="mt-4 w-full text-left text-sm">
                <thead className="text-xs uppercase text-slate-500">
                  <tr><th className="py-2">Student</th><th>Courses</th><th>Progress</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {cls.members.map(({ user }) => {
                    const shown = course ? [course] : courses.filter((c) => user.enrollments.some((e) => e.courseId === c.id));
                    return (
                      <tr key={user.id}>
                        <td className="py-2">{user.name ?? user.email}<span className="block text-xs text-slate-500">{user.email}</span></td>
                        <td>{shown.map((c) => c.title).join(', ') || '—'}</td>
                        <td>
                          {shown.map((c) => {
                            const p = summariseProgress(c, user.lessonProgress.filter((r) => r.courseId === c.id));
                            return <span key={c.id} className="block">{p.completed}/{p.total} lessons ({p.percent}%)</span>;
                          })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
