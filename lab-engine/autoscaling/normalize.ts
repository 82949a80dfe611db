/**
 * The HPA's replica normalization (pkg/controller/podautoscaler/horizontal.go):
 * stabilization over recent recommendations, then the scale rate limits, with
 * the AbleToScale/ScalingLimited reasons upstream reports. Without
 * `spec.behavior` the legacy rules apply (scale-down window, scale-up to
 * max(2 × current, 4)); with it, the behavior's windows and policies.
 */

export interface Recommendation {
  atMs: number;
  replicas: number;
}

export interface ScaleEvent {
  atMs: number;
  change: number;
}

/** Per-HPA memory of the controller (recommendations, and scale events for rate policies). */
export interface HpaMemory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
}

export interface Normalized {
  replicas: number;
  ableToScale: [reason: string, message: string];
  scalingLimited: [status: 'True' | 'False', reason: string, message: string];
}

export const DEFAULT_DOWNSCALE_STABILIZATION_MS = 300_000;

const READY: [string, string] = ['ReadyForNewScale', 'recommended size matches current size'];
const DOWN_STABILIZED: [string, string] = ['ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation'];
const UP_STABILIZED: [string, string] = ['ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation'];
const WITHIN: [string, string] = ['DesiredWithinRange', 'the desired count is within the acceptable range'];
const UP_LIMIT: [string, string] = ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'];
const DOWN_LIMIT: [string, string] = ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'];
const TOO_MANY: [string, string] = ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
const TOO_FEW: [string, string] = ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];

function limited(desired: number, result: number, why: [string, string]): Normalized['scalingLimited'] {
  return desired === result ? ['False', ...why] : ['True', ...why];
}

/** normalizeDesiredReplicas + stabilizeRecommendation + convertDesiredReplicasWithRules. */
export function normalizeLegacy(mem: HpaMemory, nowMs: number, current: number, desired: number, min: number, max: number): Omit<Normalized, 'replicas'> & { replicas: number } {
  let stabilized = desired;
  let oldIndex = -1;
  mem.recommendations.forEach((r, i) => {
    if (r.atMs < nowMs - DEFAULT_DOWNSCALE_STABILIZATION_MS) oldIndex = i;
    else if (r.replicas > stabilized) stabilized = r.replicas;
  });
  if (oldIndex >= 0) mem.recommendations[oldIndex] = { atMs: nowMs, replicas: desired };
  else mem.recommendations.push({ atMs: nowMs, replicas: desired });
  const ableToScale = stabilized !== desired ? DOWN_STABILIZED : READY;
  const scaleUpLimit = Math.max(2 * current, 4);
  const [maxAllowed, maxWhy] = max > scaleUpLimit ? [scaleUpLimit, UP_LIMIT] : [max, TOO_MANY];
  let replicas = stabilized;
  let why = WITHIN;
  if (stabilized < min) [replicas, why] = [min, TOO_FEW];
  else if (stabilized > maxAllowed) [replicas, why] = [maxAllowed, maxWhy];
  return { replicas, ableToScale, scalingLimited: limited(stabilized, replicas, why) };
}

/** normalizeDesiredReplicasWithBehaviors: stabilizeRecommendationWithBehaviors + convertDesiredReplicasWithBehaviorRate. */
export function normalizeWithBehaviors(mem: HpaMemory, nowMs: number, current: number, desired: number, min: number, max: number, up: ScalingRules, down: ScalingRules): Normalized {
  const upCutoff = nowMs - (up.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = nowMs - (down.stabilizationWindowSeconds ?? DEFAULT_DOWNSCALE_STABILIZATION_MS / 1000) * 1000;
  let upRec = desired;
  let downRec = desired;
  let oldIndex = -1;
  mem.recommendations.forEach((r, i) => {
    if (r.atMs > upCutoff) upRec = Math.min(r.replicas, upRec);
    if (r.atMs > downCutoff) downRec = Math.max(r.replicas, downRec);
    if (r.atMs < upCutoff && r.atMs < downCutoff) oldIndex = i;
  });
  let stabilized = Math.max(current, upRec);
  stabilized = Math.min(stabilized, downRec);
  if (oldIndex >= 0) mem.recommendations[oldIndex] = { atMs: nowMs, replicas: desired };
  else mem.recommendations.push({ atMs: nowMs, replicas: desired });
  const ableToScale = stabilized === desired ? READY : desired >= current ? UP_STABILIZED : DOWN_STABILIZED;

  let replicas = stabilized;
  let why = WITHIN;
  if (stabilized > current) {
    const upLimit = Math.max(current, scaleUpLimit(current, mem, nowMs, up));
    const [maxAllowed, maxWhy] = max > upLimit ? [upLimit, UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > maxAllowed) [replicas, why] = [maxAllowed, maxWhy];
  } else if (stabilized < current) {
    const downLimit = Math.min(current, scaleDownLimit(current, mem, nowMs, down));
    const [minAllowed, minWhy] = min < downLimit ? [downLimit, DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < minAllowed) [replicas, why] = [minAllowed, minWhy];
  }
  return { replicas, ableToScale, scalingLimited: limited(stabilized, replicas, why) };
}

/** getReplicasChangePerPeriod: the replicas added (or removed) within the policy's period. */
function changeInPeriod(events: ScaleEvent[], nowMs: number, periodSeconds: number): number {
  return events.filter((e) => e.atMs > nowMs - periodSeconds * 1000).reduce((n, e) => n + e.change, 0);
}

/** calculateScaleUpLimitWithScalingRules. */
function scaleUpLimit(current: number, mem: HpaMemory, nowMs: number, rules: ScalingRules): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(mem.scaleUpEvents, nowMs, p.periodSeconds) + changeInPeriod(mem.scaleDownEvents, nowMs, p.periodSeconds);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors. */
function scaleDownLimit(current: number, mem: HpaMemory, nowMs: number, rules: ScalingRules): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(mem.scaleUpEvents, nowMs, p.periodSeconds) + changeInPeriod(mem.scaleDownEvents, nowMs, p.periodSeconds);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** storeScaleEvent: remembered for the rate policies (longest policy period), behavior HPAs only. */
export function storeScaleEvent(mem: HpaMemory, nowMs: number, previous: number, next: number, up: ScalingRules, down: ScalingRules): void {
  const longest = (r: ScalingRules) => Math.max(0, ...(r.policies ?? []).map((p) => p.periodSeconds)) * 1000;
  if (next > previous) {
    mem.scaleUpEvents = mem.scaleUpEvents.filter((e) => e.atMs > nowMs - longest(up));
    mem.scaleUpEvents.push({ atMs: nowMs, change: next - previous });
  } else if (next < previous) {
    mem.scaleDownEvents = mem.scaleDownEvents.filter((e) => e.atMs > nowMs - longest(down));
    mem.scaleDownEvents.push({ atMs: nowMs, change: previous - next });
  }
}
