import { z } from 'zod';

/**
 * The lab file format (lab.yaml beside a lesson). See docs/authoring.md.
 * Ids are permanent: progress rows point at `lab.id` and `task.id`.
 */
const ID = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be lower-case letters, digits and "-" (e.g. "scale-web")');
export const localizedText = z.union([z.string().min(1), z.object({ en: z.string().min(1), zh: z.string().min(1).optional() }).strict()]);

/** An operator expectation: a bare value means equals. */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const expectation = z.union([
  scalar,
  z
    .object({
      equals: z.unknown().optional(),
      notEquals: z.unknown().optional(),
      exists: z.boolean().optional(),
      absent: z.boolean().optional(),
      contains: z.unknown().optional(),
      notContains: z.unknown().optional(),
      matches: z.string().optional(),
      gte: z.number().optional(),
      lte: z.number().optional(),
      gt: z.number().optional(),
      lt: z.number().optional(),
      in: z.array(scalar).optional(),
    })
    .strict()
    .refine((o) => Object.keys(o).length > 0, 'an expectation needs at least one operator (equals, exists, contains, matches, gte, lte, in, …)'),
  z.array(z.unknown()),
]);

const common = { message: localizedText.optional() };

export const objectCheck = z.object({ object: z.string().min(1), expect: z.record(z.string(), expectation), ...common }).strict();
export const countCheck = z
  .object({
    count: z.string().min(1),
    namespace: z.string().optional(),
    selector: z.string().optional(),
    where: z.record(z.string(), expectation).optional(),
    expect: expectation,
    ...common,
  })
  .strict();
export const absentCheck = z.object({ absent: z.string().min(1), ...common }).strict();
export const eventCheck = z
  .object({
    event: z
      .object({
        namespace: z.string().optional(),
        reason: z.string().optional(),
        type: z.enum(['Normal', 'Warning']).optional(),
        involvedObject: z.string().optional(),
        message: expectation.optional(),
      })
      .strict(),
    ...common,
  })
  .strict();
export const fileCheck = z.object({ file: z.string().startsWith('/', 'file paths are absolute (e.g. /opt/answer.txt)'), expect: expectation, ...common }).strict();
export const commandCheck = z
  .object({
    command: z.string().min(1),
    expect: z.object({ stdout: expectation.optional(), stderr: expectation.optional(), exitCode: z.number().int().optional() }).strict(),
    ...common,
  })
  .strict();
export const requestCheck = z
  .object({
    request: z.object({ from: z.string().min(1), url: z.string().min(1), method: z.string().optional() }).strict(),
    expect: z.enum(['allowed', 'denied', 'succeeds', 'fails']),
    ...common,
  })
  .strict();
export const fnCheck = z.object({ fn: ID, args: z.record(z.string(), z.unknown()).optional(), ...common }).strict();

export const check = z.union([objectCheck, countCheck, absentCheck, eventCheck, fileCheck, commandCheck, requestCheck, fnCheck]);

export const task = z
  .object({
    id: ID,
    title: localizedText.optional(),
    ask: localizedText,
    points: z.number().int().min(0).default(1),
    hints: z.array(localizedText).default([]),
    checks: z.array(check).min(1, 'a task needs at least one check'),
  })
  .strict();

export const lab = z
  .object({
    id: ID,
    title: localizedText,
    cluster: z.string().default('default'),
    seed: z.number().int().min(0).default(1),
    /** Shell lines run before the learner arrives; invisible to them. */
    setup: z.string().default(''),
    /** Virtual seconds to let pass after setup (so a broken rollout has visibly failed). */
    settleSeconds: z.number().min(0).max(3600).default(30),
    revealSolution: z.enum(['after-attempt', 'always', 'never']).default('after-attempt'),
    tasks: z.array(task).min(1, 'a lab needs at least one task'),
    /** Reference solution: shell lines. Required; the content self-test runs it. */
    solution: z.string().min(1, 'every lab needs a reference solution'),
  })
  .strict();

export type Lab = z.infer<typeof lab>;
export type Task = z.infer<typeof task>;
export type Check = z.infer<typeof check>;
export type Expectation = z.infer<typeof expectation>;
