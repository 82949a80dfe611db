import type { z } from 'zod';
import type { requestCheck as schema } from '../../lab/schema';
import type { CheckContext, CheckOutcome } from '../target';

/** A simulated request from a pod to a URL succeeds (or is blocked), e.g. for NetworkPolicy labs. */
export function requestCheck(check: z.infer<typeof schema>, ctx: CheckContext): CheckOutcome {
  const from = parseSource(check.request.from);
  if (!ctx.target.request) throw new Error('request checks need the network model (cluster has no network service)');
  const r = ctx.target.request(from, check.request.url, check.request.method);
  const wantOk = check.expect === 'allowed' || check.expect === 'succeeds';
  const passed = r.ok === wantOk;
  const flow = `${check.request.from} → ${check.request.url}`;
  if (ctx.locale === 'zh') {
    return { passed, message: `${flow}：应${wantOk ? '成功' : '被阻止'}，实际${r.ok ? '成功' : '失败'}（${r.detail}）` };
  }
  return { passed, message: `${flow}: expected the request to ${wantOk ? 'succeed' : 'be blocked'}, it ${r.ok ? 'succeeded' : 'failed'} (${r.detail})` };
}

/** `node/controlplane` (a node's host network, where the learner's terminal runs), `ns/pod`, or `pod` in default. */
function parseSource(from: string): { namespace: string; pod: string } | { node: string } {
  const parts = from.split('/');
  if (parts[0] === 'node' && parts.length === 2) return { node: parts[1] };
  return parts.length === 2 ? { namespace: parts[0], pod: parts[1] } : { namespace: 'default', pod: from };
}
