import type { z } from 'zod';
import type { requestCheck as schema } from '../../lab/schema';
import type { CheckContext, CheckOutcome } from '../target';

/** A simulated request from a pod to a URL succeeds (or is blocked), e.g. for NetworkPolicy labs. */
export function requestCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const [namespace, pod] = check.request.from.includes('/') ? check.request.from.split('/') : ['default', check.request.from];
  if (!ctx.target.request) throw new Error('request checks need the network model (cluster has no network service)');
  const r = ctx.target.request({ namespace, pod }, check.request.url, check.request.method);
  const wantOk = check.expect === 'allowed' || check.expect === 'succeeds';
  const passed = r.ok === wantOk;
  const flow = `${namespace}/${pod} → ${check.request.url}`;
  if (ctx.locale === 'zh') {
    return { passed, message: `${flow}：应${wantOk ? '成功' : '被阻止'}，实际${r.ok ? '成功' : '失败'}（${r.detail}）` };
  }
  return { passed, message: `${flow}: expected the request to ${wantOk ? 'succeed' : 'be blocked'}, it ${r.ok ? 'succeeded' : 'failed'} (${r.detail})` };
}
