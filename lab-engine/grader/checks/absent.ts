import type { z } from 'zod';
import type { absentCheck as schema } from '../../lab/schema';
import { type CheckContext, type CheckOutcome, parseObjectRef } from '../target';
import { unknownKindMessage } from '../messages';

/** An object must not exist (deleted, or never created). */
export function absentCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const ref = parseObjectRef(check.absent, ctx.target.api);
  if (!ref.def) return { passed: false, message: unknownKindMessage(ref.kind, ctx.locale) };
  const obj = ctx.target.api.tryGet(ref.def, ref.namespace, ref.name);
  const where = ref.def.namespaced ? `${ref.def.singular} ${ref.namespace}/${ref.name}` : `${ref.def.singular} ${ref.name}`;
  if (!obj) return { passed: true, message: ctx.locale === 'zh' ? `${where} 已不存在` : `${where} is gone` };
  const terminating = obj.metadata.deletionTimestamp ? (ctx.locale === 'zh' ? '（正在终止）' : ' (still terminating)') : '';
  return { passed: false, message: ctx.locale === 'zh' ? `${where} 仍然存在${terminating}` : `${where} still exists${terminating}` };
}
