import type { z } from 'zod';
import type { fileCheck as schema } from '../../lab/schema';
import { compare } from '../expect';
import type { CheckContext, CheckOutcome } from '../target';

/**
 * A file in the learner's filesystem ("write the answer to /opt/answer.txt").
 * Trailing newlines are ignored, since `echo x > f` and `kubectl … > f` add one.
 */
export function fileCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const content = ctx.target.readFile(check.file);
  if (content === undefined) {
    return { passed: false, message: ctx.locale === 'zh' ? `文件 ${check.file} 不存在` : `file ${check.file} does not exist` };
  }
  const r = compare(content.replace(/\n+$/, ''), check.expect, ctx.locale);
  if (ctx.locale === 'zh') return { passed: r.passed, message: `${check.file} 的内容应为 ${r.expected}，实际为 ${r.found}` };
  return { passed: r.passed, message: `${check.file}: expected ${r.expected}, found ${r.found}` };
}
