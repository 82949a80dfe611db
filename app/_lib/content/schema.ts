import { z } from 'zod';

// Stable ids: lower-case words joined by dashes. They never change once published,
// because progress rows in the database point at them.
export const stableId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single dashes)');

export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];

export const lessonFrontmatterSchema = z
  .object({
    id: stableId,
    title: z.string().min(1),
    summary: z.string().min(1),
    minutes: z.number().int().positive().max(240),
    lab: stableId.optional(),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export const courseManifestSchema = z
  .object({
    id: stableId,
    title: z.string().min(1),
    title_zh: z.string().min(1).optional(),
    summary: z.string().min(1),
    summary_zh: z.string().min(1).optional(),
    level: z.enum(['beginner', 'intermediate', 'advanced']).default('beginner'),
    modules: z
      .array(
        z
          .object({
            id: stableId,
            title: z.string().min(1),
            title_zh: z.string().min(1).optional(),
            lessons: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type CourseManifest = z.infer<typeof courseManifestSchema>;
