// Content files are the source of truth for courses, modules, lessons and labs.
// This module reads and validates them; pages and data access use these helpers.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ContentError, type Course, type Lesson } from './types';
import { loadCourse } from './load-course';

export { ContentError } from './types';
export type { Course, Lesson, Module, LessonSource } from './types';
export { lessonSource, loadCourse, parseLessonFile } from './load-course';
export { locales, type Locale } from './schema';

export const defaultContentDir = path.join(process.cwd(), 'content');

/** Loads every course; throws the first content problem (tests and CI use this: content must be valid). */
export function loadAllCourses(contentDir = defaultContentDir): Course[] {
  const { courses, problems } = loadCatalogue(contentDir);
  if (problems.length) throw problems[0];
  return courses;
}

/** Loads every valid course and collects the problems of the others instead of throwing. */
export function loadCatalogue(contentDir = defaultContentDir): { courses: Course[]; problems: ContentError[] } {
  const coursesDir = path.join(contentDir, 'courses');
  if (!existsSync(coursesDir)) return { courses: [], problems: [] };
  const courses: Course[] = [];
  const problems: ContentError[] = [];
  for (const d of readdirSync(coursesDir, { withFileTypes: true })) {
    if (!d.isDirectory() || !existsSync(path.join(coursesDir, d.name, 'course.yaml'))) continue;
    try {
      const course = loadCourse(path.join(coursesDir, d.name));
      if (courses.some((c) => c.id === course.id)) {
        throw new ContentError(path.join(course.dir, 'course.yaml'), [`course id "${course.id}" is used twice`]);
      }
      courses.push(course);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(error);
    }
  }
  return { courses: courses.sort((a, b) => a.title.localeCompare(b.title)), problems };
}

// Content is read once per server process (rebuilt on deploy); in development it is
// re-read on every request so edits show up immediately. A course with a content
// problem is left out of the site (and logged) rather than taking every page down;
// `npm test` fails on it (app/_lib/content/load-course.test.ts).
let cache: Course[] | undefined;
export function listCourses(): Course[] {
  if (cache && process.env.NODE_ENV !== 'development') return cache;
  const { courses, problems } = loadCatalogue();
  for (const problem of problems) console.error(`[content] course skipped: ${problem.message}`);
  cache = courses;
  return courses;
}

export function getCourse(courseId: string): Course | undefined {
  return listCourses().find((c) => c.id === courseId);
}

export function listLessons(course: Course): Lesson[] {
  return course.modules.flatMap((m) => m.lessons);
}

export function getLesson(courseId: string, lessonId: string): { course: Course; lesson: Lesson } | undefined {
  const course = getCourse(courseId);
  const lesson = course && listLessons(course).find((l) => l.id === lessonId);
  return course && lesson ? { course, lesson } : undefined;
}

/** Previous and next lessons in manifest order. */
export function lessonNeighbours(course: Course, lessonId: string): { previous?: Lesson; next?: Lesson } {
  const lessons = listLessons(course);
  const i = lessons.findIndex((l) => l.id === lessonId);
  return { previous: i > 0 ? lessons[i - 1] : undefined, next: i >= 0 ? lessons[i + 1] : undefined };
}
