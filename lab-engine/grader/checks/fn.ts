import type { z } from 'zod';
import type { fnCheck as schema } from '../../lab/schema';
import type { CheckContext, CheckOutcome } from '../target';

/** The escape hatch: a named pure TypeScript function over the cluster state. */
export function fnCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const f = ctx.functions[check.fn];
  if (!f) throw new Error(`check function "${check.fn}" is not registered (known: ${Object.keys(ctx.functions).join(', ') || 'none'})`);
  return f({ api: ctx.target.api, args: check.args ?? {}, locale: ctx.locale, readFile: ctx.target.readFile });
}
