import type { z } from 'zod';
import type { commandCheck as schema } from '../../lab/schema';
import { compare } from '../expect';
import type { CheckContext, CheckOutcome } from '../target';

/** The output of a command (run in a throw-away shell) matches. Trailing newlines are ignored. */
export async function commandCheck(check: z.infer<typeof schema>, ctx: CheckContext): Promise<CheckOutcome> {
  const out = await ctx.target.runCommand(check.command);
  const problems: string[] = [];
  const streams: ['stdout' | 'stderr', string][] = [
    ['stdout', out.stdout],
    ['stderr', out.stderr],
  ];
  for (const [name, text] of streams) {
    const exp = check.expect[name];
    if (exp === undefined) continue;
    const r = compare(text.replace(/\n+$/, ''), exp, ctx.locale);
    if (!r.passed) problems.push(ctx.locale === 'zh' ? `${name} 应为 ${r.expected}，实际为 ${r.found}` : `${name}: expected ${r.expected}, found ${r.found}`);
  }
  if (check.expect.exitCode !== undefined && out.exitCode !== check.expect.exitCode) {
    problems.push(ctx.locale === 'zh' ? `退出码应为 ${check.expect.exitCode}，实际为 ${out.exitCode}` : `exit code: expected ${check.expect.exitCode}, found ${out.exitCode}`);
  }
  if (!problems.length) return { passed: true, message: ctx.locale === 'zh' ? `\`${check.command}\` 的输出符合要求` : `\`${check.command}\` gives the expected output` };
  return { passed: false, message: `\`${check.command}\`: ${problems.join('; ')}` };
}
