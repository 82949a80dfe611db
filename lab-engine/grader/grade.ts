import type { Check, Lab, Task } from '../lab/schema';
import { checkKind } from '../lab/load-lab';
import { pickText, type Locale } from '../lab/text';
import type { CheckContext, CheckFunction, CheckOutcome, GradeTarget } from './target';
import { objectCheck } from './checks/object';
import { countCheck } from './checks/count';
import { absentCheck } from './checks/absent';
import { eventCheck } from './checks/event';
import { fileCheck } from './checks/file';
import { commandCheck } from './checks/command';
import { requestCheck } from './checks/request';
import { fnCheck } from './checks/fn';
import { BUILTIN_FUNCTIONS } from './functions';

export interface CheckResult extends CheckOutcome {
  kind: string;
}

export interface TaskResult {
  taskId: string;
  passed: boolean;
  points: number;
  /** One per check, in order; the first failing one is what the learner sees first. */
  checks: CheckResult[];
  /** The learner-facing summary: the first failure's message, or a success line. */
  message: string;
}

export interface GradeOptions {
  locale?: Locale;
  functions?: Record<string, CheckFunction>;
}

export async function gradeTask(task: Task, target: GradeTarget, opts: GradeOptions = {}): Promise<TaskResult> {
  const ctx: CheckContext = { target, locale: opts.locale ?? 'en', functions: { ...BUILTIN_FUNCTIONS, ...opts.functions } };
  const checks: CheckResult[] = [];
  for (const c of task.checks) {
    const outcome = await runCheck(c, ctx);
    const message = !outcome.passed && c.message ? pickText(c.message, ctx.locale) : outcome.message;
    checks.push({ kind: checkKind(c), passed: outcome.passed, message });
  }
  const failed = checks.find((c) => !c.passed);
  const passed = !failed;
  return {
    taskId: task.id,
    passed,
    points: passed ? task.points : 0,
    checks,
    message: failed ? failed.message : ctx.locale === 'zh' ? '全部检查通过' : 'All checks pass',
  };
}

export async function gradeLab(lab: Lab, target: GradeTarget, opts: GradeOptions = {}): Promise<TaskResult[]> {
  const out: TaskResult[] = [];
  for (const t of lab.tasks) out.push(await gradeTask(t, target, opts));
  return out;
}

async function runCheck(c: Check, ctx: CheckContext): Promise<CheckOutcome> {
  if ('object' in c) return objectCheck(c, ctx);
  if ('count' in c) return countCheck(c, ctx);
  if ('absent' in c) return absentCheck(c, ctx);
  if ('event' in c) return eventCheck(c, ctx);
  if ('file' in c) return fileCheck(c, ctx);
  if ('command' in c) return commandCheck(c, ctx);
  if ('request' in c) return requestCheck(c, ctx);
  return fnCheck(c, ctx);
}
