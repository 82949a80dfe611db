import type { z } from 'zod';
import type { objectCheck as schema } from '../../lab/schema';
import { compare } from '../expect';
import { readPath } from '../paths';
import { type CheckContext, type CheckOutcome, parseObjectRef } from '../target';
import { notFoundMessage, unknownKindMessage } from '../messages';

/** Field expectations on one object: `{object: deployment/shop/web, expect: {spec.replicas: 4}}`. */
export function objectCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const { api } = ctx.target;
  const ref = parseObjectRef(check.object, api);
  if (!ref.def) return { passed: false, message: unknownKindMessage(ref.kind, ctx.locale) };
  const obj = api.tryGet(ref.def, ref.namespace, ref.name);
  if (!obj) return { passed: false, message: notFoundMessage(ref.def.singular, ref.def.namespaced ? ref.namespace : undefined, ref.name, ctx.locale) };
  const failures: string[] = [];
  for (const [path, exp] of Object.entries(check.expect)) {
    const r = compare(readPath(obj, path), exp, ctx.locale);
    if (!r.passed) failures.push(ctx.locale === 'zh' ? `${path} 应为 ${r.expected}，实际为 ${r.found}` : `${path}: expected ${r.expected}, found ${r.found}`);
  }
  const where = ref.def.namespaced ? `${ref.def.singular} ${ref.namespace}/${ref.name}` : `${ref.def.singular} ${ref.name}`;
  if (failures.length === 0) return { passed: true, message: ctx.locale === 'zh' ? `${where} 符合要求` : `${where} is as expected` };
  return { passed: false, message: `${where}: ${failures.join('; ')}` };
}
