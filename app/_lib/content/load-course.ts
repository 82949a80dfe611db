import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { courseManifestSchema, lessonFrontmatterSchema, type Locale } from './schema';
import { ContentError, type Course, type Lesson, type LessonSource, type Module } from './types';

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

function parseYamlFile(filePath: string, text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ContentError(filePath, [`invalid YAML: ${(error as Error).message}`]);
  }
}

export function parseLessonFile(filePath: string): LessonSource {
  const text = readFileSync(filePath, 'utf8').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new ContentError(filePath, ['missing frontmatter: the file must start with a --- block']);
  const parsed = lessonFrontmatterSchema.safeParse(parseYamlFile(filePath, match[1]));
  if (!parsed.success) throw new ContentError(filePath, zodProblems(parsed.error));
  return { ...parsed.data, body: text.slice(match[0].length), filePath };
}

function loadLesson(courseId: string, moduleId: string, dir: string): Lesson {
  const enPath = path.join(dir, 'lesson.mdx');
  if (!existsSync(enPath)) throw new ContentError(enPath, ['lesson.mdx not found (listed in course.yaml)']);
  const en = parseLessonFile(enPath);
  const sources: Lesson['sources'] = { en };
  const zhPath = path.join(dir, 'lesson.zh.mdx');
  if (existsSync(zhPath)) {
    const zh = parseLessonFile(zhPath);
    const problems: string[] = [];
    if (zh.id !== en.id) problems.push(`id "${zh.id}" differs from lesson.mdx id "${en.id}"`);
    if (zh.lab !== en.lab) problems.push(`lab "${zh.lab}" differs from lesson.mdx lab "${en.lab}"`);
    if (problems.length) throw new ContentError(zhPath, problems);
    sources.zh = zh;
  }
  return { id: en.id, courseId, moduleId, dir, sources, labId: en.lab };
}

function hashDirectory(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(path.relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

export function loadCourse(dir: string): Course {
  const manifestPath = path.join(dir, 'course.yaml');
  const parsed = courseManifestSchema.safeParse(parseYamlFile(manifestPath, readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) throw new ContentError(manifestPath, zodProblems(parsed.error));
  const manifest = parsed.data;
  const modules: Module[] = manifest.modules.map((m) => ({
    id: m.id,
    title: m.title,
    titleZh: m.title_zh,
    lessons: m.lessons.map((folder) => loadLesson(manifest.id, m.id, path.join(dir, m.id, folder))),
  }));
  assertUniqueIds(manifestPath, modules);
  return {
    id: manifest.id,
    title: manifest.title,
    titleZh: manifest.title_zh,
    summary: manifest.summary,
    summaryZh: manifest.summary_zh,
    level: manifest.level,
    contentVersion: hashDirectory(dir),
    dir,
    modules,
  };
}

function assertUniqueIds(manifestPath: string, modules: Module[]): void {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const lesson of modules.flatMap((m) => m.lessons)) {
    const where = path.relative(path.dirname(manifestPath), lesson.dir);
    const other = seen.get(lesson.id);
    if (other) problems.push(`lesson id "${lesson.id}" is used by both ${other} and ${where}`);
    seen.set(lesson.id, where);
  }
  if (problems.length) throw new ContentError(manifestPath, problems);
}

export function lessonSource(lesson: Lesson, locale: Locale): LessonSource {
  return lesson.sources[locale] ?? lesson.sources.en;
}
