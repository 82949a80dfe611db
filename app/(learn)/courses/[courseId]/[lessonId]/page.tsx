import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLesson, lessonNeighbours, lessonSource, listCourses, listLessons, type Locale } from '../../../../_lib/content';
import { compileLessonMdx } from '../../../../_lib/content/mdx';
import { getDb } from '../../../../_lib/db/client';
import { markLessonCompleteAction } from '../../../../_lib/actions/learn-actions';
import { getCourseProgress, recordLessonOpened } from '../../../../_lib/data/progress';
import { getCurrentUserLabSession } from '../../../../_lib/lab-session';
import { getViewer } from '../../../../_lib/session';
import { lessonComponents } from '../../../../_components/lesson/mdx-components';
import { LabSlot } from '../../../../_components/lesson/lab-slot';

type Props = {
  params: Promise<{ courseId: string; lessonId: string }>;
  searchParams: Promise<{ lang?: string }>;
};

export function generateStaticParams() {
  return listCourses().flatMap((course) => listLessons(course).map((l) => ({ courseId: course.id, lessonId: l.id })));
}

function pickLocale(lang: string | undefined): Locale {
  return lang === 'zh' ? 'zh' : 'en';
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { courseId, lessonId } = await params;
  const found = getLesson(courseId, lessonId);
  if (!found) return { title: 'Lesson not found' };
  const source = lessonSource(found.lesson, pickLocale((await searchParams).lang));
  return { title: `${source.title} — ${found.course.title}`, description: source.summary };
}

export default async function LessonPage({ params, searchParams }: Props) {
  const { courseId, lessonId } = await params;
  const found = getLesson(courseId, lessonId);
  if (!found) notFound();
  const { course, lesson } = found;
  const locale = pickLocale((await searchParams).lang);
  const source = lessonSource(lesson, locale);
  const { default: Content } = await compileLessonMdx(source.body, source.filePath);

  const viewer = await getViewer();
  const enrolled = viewer ? await recordLessonOpened(getDb(), viewer, course.id, lesson.id) : false;
  const progress = viewer && enrolled ? await getCourseProgress(getDb(), viewer.id, course) : null;
  const completed = progress?.lessonStates[lesson.id] === 'completed';
  const labSession = lesson.labId ? await getCurrentUserLabSession(lesson.labId) : null;
  const { previous, next } = lessonNeighbours(course, lesson.id);
  const other: Locale = locale === 'en' ? 'zh' : 'en';

  return (
    <article className="mx-auto max-w-3xl px-4 py-10" lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
      <nav aria-label="Breadcrumb" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-500">
        <Link href={`/courses/${course.id}`} className="hover:underline">← {course.title}</Link>
        {lesson.sources[other] && (
          <Link href={`/courses/${course.id}/${lesson.id}${other === 'zh' ? '?lang=zh' : ''}`} className="hover:underline" lang={other === 'zh' ? 'zh-Hans' : 'en'}>
            {other === 'zh' ? '阅读中文版' : 'Read in English'}
          </Link>
        )}
      </nav>
      <header className="mt-4">
        <h1 className="text-3xl font-bold tracking-tight">{source.title}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{source.summary}</p>
        <p className="mt-1 text-xs text-slate-500">{source.minutes} min</p>
      </header>
      <div className="prose mt-8">
        <Content components={lessonComponents} />
      </div>
      {lesson.labId && (
        <div className="mt-10 lg:-mx-32 xl:-mx-56">
          <LabSlot labId={lesson.labId} session={labSession} signedIn={Boolean(viewer)} locale={locale} />
        </div>
      )}
      <footer className="mt-12 flex flex-wrap items-center justify-between gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
        {previous ? <Link href={`/courses/${course.id}/${previous.id}`} className="btn-secondary">← {previous.sources.en.title}</Link> : <span />}
        {enrolled &&
          (completed ? (
            <span className="text-sm font-medium text-emerald-600" data-testid="lesson-completed">✓ Completed</span>
          ) : (
            <form action={markLessonCompleteAction.bind(null, course.id, lesson.id)}>
              <button type="submit" className="btn-primary">Mark as complete</button>
            </form>
          ))}
        {next ? <Link href={`/courses/${course.id}/${next.id}`} className="btn-secondary">{next.sources.en.title} →</Link> : <span />}
      </footer>
    </article>
  );
}
