import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCourse, listCourses, listLessons } from '../../../_lib/content';
import { getDb } from '../../../_lib/db/client';
import { enrollAction } from '../../../_lib/actions/learn-actions';
import { getEnrollment } from '../../../_lib/data/enrollments';
import { getCourseProgress, type LessonState } from '../../../_lib/data/progress';
import { getViewer } from '../../../_lib/session';
import { ProgressBar } from '../../../_components/ui/progress-bar';

type Props = { params: Promise<{ courseId: string }> };

export function generateStaticParams() {
  return listCourses().map((c) => ({ courseId: c.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = getCourse((await params).courseId);
  return { title: course?.title ?? 'Course not found', description: course?.summary };
}

const stateLabel: Record<LessonState, string> = { 'not-started': 'Not started', opened: 'In progress', completed: 'Completed' };
const stateIcon: Record<LessonState, string> = { 'not-started': '○', opened: '◐', completed: '●' };

export default async function CoursePage({ params }: Props) {
  const course = getCourse((await params).courseId);
  if (!course) notFound();
  const viewer = await getViewer();
  const db = getDb();
  const enrollment = viewer ? await getEnrollment(db, viewer, course.id) : null;
  const progress = viewer && enrollment ? await getCourseProgress(db, viewer.id, course) : null;
  const first = listLessons(course)[0];
  const resumeId = enrollment?.lastLessonId ?? first?.id;

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <Link href="/courses" className="text-sm text-slate-500 hover:underline">← All courses</Link>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{course.title}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">{course.summary}</p>

      <div className="card mt-6">
        {progress ? (
          <div className="space-y-3">
            <div className="flex items-center justify-between text-sm">
              <span className="font-medium">Your progress</span>
              <span data-testid="course-progress">{progress.completed} of {progress.total} lessons · {progress.percent}%</span>
            </div>
            <ProgressBar percent={progress.percent} label={`${course.title} progress`} />
            {resumeId && <Link href={`/courses/${course.id}/${resumeId}`} className="btn-primary">Continue</Link>}
          </div>
        ) : viewer ? (
          <form action={enrollAction.bind(null, course.id)} className="flex flex-wrap items-center justify-between gap-3">
            <span className="text-sm">Enroll to track your progress and save your labs.</span>
            <button type="submit" className="btn-primary">Enroll in this course</button>
          </form>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span className="text-sm">Sign in to enroll and track your progress. You can read lessons without an account.</span>
            <Link href={`/sign-in?callbackUrl=/courses/${course.id}`} className="btn-primary">Sign in to enroll</Link>
          </div>
        )}
      </div>

      <ol className="mt-10 space-y-8">
        {course.modules.map((module, mi) => (
          <li key={module.id}>
            <h2 className="text-lg font-semibold">
              <span className="text-slate-400">{mi + 1}.</span> {module.title}
            </h2>
            <ol className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {module.lessons.map((lesson) => {
                const state = progress?.lessonStates[lesson.id];
                return (
                  <li key={lesson.id}>
                    <Link href={`/courses/${course.id}/${lesson.id}`} className="flex items-center gap-4 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-900">
                      {state && (
                        <span aria-label={stateLabel[state]} title={stateLabel[state]} className={state === 'completed' ? 'text-emerald-600' : 'text-slate-400'}>
                          {stateIcon[state]}
                        </span>
                      )}
                      <span className="flex-1">
                        <span className="font-medium">{lesson.sources.en.title}</span>
                        <span className="block text-sm text-slate-500">{lesson.sources.en.summary}</span>
                      </span>
                      <span className="shrink-0 text-xs text-slate-500">
                        {lesson.labId && <span className="mr-2 rounded bg-brand-50 px-1.5 py-0.5 text-brand-700 dark:bg-slate-800 dark:text-brand-100">Lab</span>}
                        {lesson.sources.en.minutes} min
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}
