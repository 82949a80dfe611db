import type { Metadata } from 'next';
import Link from 'next/link';
import { listCourses, listLessons } from '../../_lib/content';
import { getDb } from '../../_lib/db/client';
import { listEnrollments } from '../../_lib/data/enrollments';
import { getViewer } from '../../_lib/session';
import { PageHeader } from '../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Courses' };

export default async function CataloguePage() {
  const viewer = await getViewer();
  const enrolled = new Set(viewer ? (await listEnrollments(getDb(), viewer)).map((e) => e.courseId) : []);
  const courses = listCourses();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <PageHeader title="Courses">Short lessons, each with a hands-on lab on a simulated cluster.</PageHeader>
      {courses.length === 0 && <p>No courses yet: add one under <code>content/courses/</code>.</p>}
      <ul className="grid gap-6 md:grid-cols-2">
        {courses.map((course) => {
          const lessons = listLessons(course);
          const minutes = lessons.reduce((sum, l) => sum + l.sources.en.minutes, 0);
          return (
            <li key={course.id} className="card flex flex-col">
              <div className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                <span>{course.level}</span>·<span>{lessons.length} lessons</span>·<span>{minutes} min</span>
                {enrolled.has(course.id) && <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100">Enrolled</span>}
              </div>
              <h2 className="mt-2 text-xl font-bold">
                <Link href={`/courses/${course.id}`} className="hover:underline">{course.title}</Link>
              </h2>
              {course.titleZh && <p className="text-sm text-slate-500" lang="zh-Hans">{course.titleZh}</p>}
              <p className="mt-3 flex-1 text-sm leading-6 text-slate-600 dark:text-slate-400">{course.summary}</p>
              <Link href={`/courses/${course.id}`} className="btn-secondary mt-4 self-start">View course</Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
