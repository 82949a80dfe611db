import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadAllCourses, loadCourse } from './index';
import { compileLessonMdx } from './mdx';

const contentDir = path.resolve(__dirname, '../../../content');

function writeCourse(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubelab-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const manifest = 'id: c\ntitle: C\nsummary: S\nmodules:\n  - id: m\n    title: M\n    lessons: [l]\n';

describe('content loader', () => {
  it('loads every course in content/ with lessons in manifest order', () => {
    const courses = loadAllCourses(contentDir);
    expect(courses.length).toBeGreaterThan(0);
    for (const course of courses) {
      expect(course.contentVersion).toMatch(/^[0-9a-f]{12}$/);
      for (const lesson of course.modules.flatMap((m) => m.lessons)) {
        expect(lesson.sources.en.title.length).toBeGreaterThan(0);
      }
    }
  });

  it('compiles every lesson, in every language, to MDX', async () => {
    for (const course of loadAllCourses(contentDir)) {
      for (const lesson of course.modules.flatMap((m) => m.lessons)) {
        for (const source of Object.values(lesson.sources)) {
          const mod = await compileLessonMdx(source.body, source.filePath);
          expect(typeof mod.default).toBe('function');
        }
      }
    }
  });

  it('names the file and the field when frontmatter is wrong', () => {
    const dir = writeCourse({
      'course.yaml': manifest,
      'm/l/lesson.mdx': '---\nid: Not_Kebab\ntitle: T\nminutes: -1\n---\nbody',
    });
    try {
      loadCourse(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      const message = (error as Error).message;
      expect(message).toContain(path.join(dir, 'm/l/lesson.mdx'));
      expect(message).toContain('id: must be kebab-case');
      expect(message).toContain('summary:');
      expect(message).toContain('minutes:');
    }
  });

  it('reports a lesson listed in course.yaml but missing on disk', () => {
    const dir = writeCourse({ 'course.yaml': manifest });
    expect(() => loadCourse(dir)).toThrow(/lesson\.mdx not found/);
  });

  it('requires a translation to keep the id and lab of the English lesson', () => {
    const lesson = '---\nid: l\ntitle: T\nsummary: S\nminutes: 3\nlab: some-lab\n---\nbody';
    const dir = writeCourse({
      'course.yaml': manifest,
      'm/l/lesson.mdx': lesson,
      'm/l/lesson.zh.mdx': lesson.replace('id: l', 'id: other'),
    });
    expect(() => loadCourse(dir)).toThrow(/differs from lesson\.mdx id/);
  });
});
