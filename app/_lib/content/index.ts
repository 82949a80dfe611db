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

export function loadAllCourses(contentDir = defaultContentDir): Course[] {
  const coursesDir = path.join(contentDir, 'courses');
  if (!existsSync(coursesDir)) return [];
  const courses = readdirSync(coursesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(coursesDir, d.name, 'course.yaml')))
    .map((d) => loadCourse(path.join(coursesDir, d.name)));
  const ids = new Set<string>();
  for (const c of courses) {
    if (ids.has(c.id)) throw new ContentError(path.join(c.dir, 'course.yaml'), [`course id "${c.id}" is used twice`]);
    ids.add(c.id);
  }
  return courses.sort((a, b) => a.title.localeCompare(b.title));
}

// Content is read once per server process (rebuilt on deploy); in development it is
// re-read on every request so edits show up immediately.
let cache: Course[] | undefined;
export function listCourses(): Course[] {
  if (process.env.NODE_ENV === 'development') return loadAllCourses();
  return (cache ??= loadAllCourses());
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
