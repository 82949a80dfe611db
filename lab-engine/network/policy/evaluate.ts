import type { PolicyRef } from '../service';
import type { CompiledPolicy, CompiledRule, FlowEnd } from './compile';
import { peerMatches, portMatches } from './compile';
import { matches } from '../../api/selectors/label-selector';

export interface PolicyVerdict {
  allowed: boolean;
  /** True when at least one policy selects the pod in this direction. */
  isolated: boolean;
  /** Rules that allow the flow (every one, in policy name order). */
  allowedBy: PolicyRef[];
  /** The isolating policies, when the flow is dropped. */
  deniedBy: PolicyRef[];
}

const OPEN: PolicyVerdict = { allowed: true, isolated: false, allowedBy: [], deniedBy: [] };

/**
 * The NetworkPolicy decision for one direction of one flow, as a conformant
 * CNI makes it: a pod selected by no policy of that direction is open; once
 * selected it is isolated and only flows matching some rule of some
 * selecting policy pass (policies are additive allow-lists). `self` is the
 * pod the policies are about (destination for Ingress, source for Egress).
 */
export function evaluate(
  policies: readonly CompiledPolicy[],
  direction: 'Ingress' | 'Egress',
  self: FlowEnd,
  other: FlowEnd,
  protocol: string,
  port: number,
  destination: FlowEnd,
): PolicyVerdict {
  if (!self.pod || policies.length === 0) return OPEN;
  let isolated = false;
  const allowedBy: PolicyRef[] = [];
  const selecting: PolicyRef[] = [];
  for (const p of policies) {
    if (direction === 'Ingress' ? !p.ingressIsolation : !p.egressIsolation) continue;
    if (!matches(p.podSelector, self.pod.metadata.labels)) continue;
    isolated = true;
    const ref: PolicyRef = { namespace: p.namespace, name: p.name, direction };
    selecting.push(ref);
    const rules = direction === 'Ingress' ? p.ingress : p.egress;
    for (let i = 0; i < rules.length; i++) {
      if (ruleMatches(rules[i], p.namespace, other, protocol, port, destination)) allowedBy.push({ ...ref, rule: i });
    }
  }
  if (!isolated) return OPEN;
  const allowed = allowedBy.length > 0;
  return { allowed, isolated, allowedBy, deniedBy: allowed ? [] : selecting };
}

function ruleMatches(rule: CompiledRule, policyNs: string, other: FlowEnd, protocol: string, port: number, destination: FlowEnd): boolean {
  if (rule.ports && !rule.ports.some((p) => portMatches(p, protocol, port, destination.pod))) return false;
  return !rule.peers || rule.peers.some((peer) => peerMatches(peer, policyNs, other));
}
