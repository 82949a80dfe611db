import type { z } from 'zod';
import type { eventCheck as schema } from '../../lab/schema';
import { compare } from '../expect';
import type { CheckContext, CheckOutcome } from '../target';

/** An Event with the given reason/type/object/message has occurred. */
export function eventCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const { api } = ctx.target;
  const def = api.resolve('events')!;
  const e = check.event;
  const [objKind, objName] = e.involvedObject?.split('/') ?? [];
  const objDef = objKind ? api.resolve(objKind) : undefined;
  const found = api.list(def, { namespace: e.namespace }).items.some(
    (ev) =>
      (!e.reason || ev.reason === e.reason) &&
      (!e.type || ev.type === e.type) &&
      (!objDef || (ev.involvedObject?.kind === objDef.kind && ev.involvedObject?.name === objName)) &&
      (!e.message || compare(ev.message, e.message, ctx.locale).passed),
  );
  const what = [e.type, e.reason, e.involvedObject].filter(Boolean).join(' ');
  if (ctx.locale === 'zh') return { passed: found, message: found ? `已发生事件 ${what}` : `没有找到事件 ${what}` };
  return { passed: found, message: found ? `event ${what} occurred` : `no ${what} event has occurred` };
}
