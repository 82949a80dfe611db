import type { Locale, LessonFrontmatter } from './schema';

export type LessonSource = LessonFrontmatter & {
  body: string; // MDX after the frontmatter
  filePath: string;
};

export type Lesson = {
  id: string;
  courseId: string;
  moduleId: string;
  dir: string; // absolute folder of lesson.mdx (lab.yaml lives beside it)
  /** English is required; other locales are optional translations. */
  sources: Partial<Record<Locale, LessonSource>> & { en: LessonSource };
  labId?: string;
};

export type Module = { id: string; title: string; titleZh?: string; lessons: Lesson[] };

export type Course = {
  id: string;
  title: string;
  titleZh?: string;
  summary: string;
  summaryZh?: string;
  level: 'beginner' | 'intermediate' | 'advanced';
  /** Hash of every file of the course: recorded when a learner starts, so progress can be related to the text they saw. */
  contentVersion: string;
  dir: string;
  modules: Module[];
};

/** A content problem, reported with the file it comes from. */
export class ContentError extends Error {
  constructor(
    readonly filePath: string,
    readonly problems: string[],
  ) {
    super(`${filePath}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ContentError';
  }
}
