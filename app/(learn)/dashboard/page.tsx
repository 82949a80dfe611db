import type { Metadata } from 'next';
import Link from 'next/link';
import { listCourses, listLessons } from '../../_lib/content';
import { getDb } from '../../_lib/db/client';
import { getDashboard } from '../../_lib/data/dashboard';
import { requireViewer } from '../../_lib/session';
import { PageHeader } from '../../_components/ui/page-header';
import { ProgressBar } from '../../_components/ui/progress-bar';

export const metadata: Metadata = { title: 'Dashboard' };

function lessonTitle(courseId: string, lessonId: string | null): string | null {
  const course = listCourses().find((c) => c.id === courseId);
  const lesson = course && lessonId ? listLessons(course).find((l) => l.id === lessonId) : undefined;
  return lesson?.sources.en.title ?? null;
}

export default async function DashboardPage() {
  const viewer = await requireViewer('/dashboard');
  const dashboard = await getDashboard(getDb(), viewer, listCourses());
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <PageHeader title={`Welcome back${viewer.name ? `, ${viewer.name}` : ''}`}>
        <span data-testid="streak">
          {dashboard.streakDays > 0 ? `${dashboard.streakDays}-day streak · ` : ''}
          {dashboard.activeDays} active {dashboard.activeDays === 1 ? 'day' : 'days'} in the last 30
        </span>
      </PageHeader>

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading" className="text-xl font-semibold">Your courses</h2>
        {dashboard.courses.length === 0 ? (
          <div className="card mt-4">
            <p>You are not enrolled in any course yet.</p>
            <Link href="/courses" className="btn-primary mt-4">Browse the catalogue</Link>
          </div>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2" data-testid="enrolled-courses">
            {dashboard.courses.map(({ course, progress, lastLessonId }) => {
              const last = lessonTitle(course.id, lastLessonId);
              return (
                <li key={course.id} className="card space-y-3" data-testid={`enrolled-${course.id}`}>
                  <div className="flex items-start justify-between gap-2">
                    <Link href={`/courses/${course.id}`} className="font-semibold hover:underline">{course.title}</Link>
                    <span className="text-sm text-slate-500">{progress.percent}%</span>
                  </div>
                  <ProgressBar percent={progress.percent} label={`${course.title} progress`} />
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {progress.completed} of {progress.total} lessons completed
                  </p>
                  {last && lastLessonId && (
                    <Link href={`/courses/${course.id}/${lastLessonId}`} className="btn-secondary" data-testid="continue-lesson">
                      Continue: {last}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {dashboard.recent.length > 0 && (
        <section aria-labelledby="activity-heading" className="mt-10">
          <h2 id="activity-heading" className="text-xl font-semibold">Recent activity</h2>
          <ul className="mt-4 divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {dashboard.recent.map((e, i) => (
              <li key={i} className="flex justify-between py-2">
                <span>
                  {e.type === 'lesson.opened' ? 'Opened' : e.type === 'lesson.completed' ? 'Completed' : e.type === 'course.enrolled' ? 'Enrolled in' : e.type}{' '}
                  {e.lessonId && e.courseId ? lessonTitle(e.courseId, e.lessonId) : e.courseId}
                </span>
                <time dateTime={e.createdAt.toISOString()} className="text-slate-500">{e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
