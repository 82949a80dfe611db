import type { z } from 'zod';
import type { countCheck as schema } from '../../lab/schema';
import { compare } from '../expect';
import { readPath } from '../paths';
import type { CheckContext, CheckOutcome } from '../target';
import { unknownKindMessage } from '../messages';

/** How many objects of a kind match a selector (and optional field conditions). */
export function countCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const { api } = ctx.target;
  const def = api.resolve(check.count);
  if (!def) return { passed: false, message: unknownKindMessage(check.count, ctx.locale) };
  const items = api.list(def, { namespace: check.namespace, labelSelector: check.selector }).items;
  const matching = items.filter((o) => Object.entries(check.where ?? {}).every(([p, e]) => compare(readPath(o, p), e, ctx.locale).passed));
  const r = compare(matching.length, check.expect, ctx.locale);
  const scope = [check.namespace ? `in namespace "${check.namespace}"` : '', check.selector ? `matching "${check.selector}"` : ''].filter(Boolean).join(' ');
  const what = `${def.resource}${scope ? ` ${scope}` : ''}`;
  if (ctx.locale === 'zh') {
    const zhScope = [check.namespace ? `命名空间 "${check.namespace}" 中` : '', check.selector ? `匹配 "${check.selector}" 的` : ''].join('');
    return { passed: r.passed, message: `${zhScope}${def.resource} 数量应为 ${r.expected}，实际为 ${r.found}` };
  }
  return { passed: r.passed, message: `number of ${what}: expected ${r.expected}, found ${r.found}` };
}
