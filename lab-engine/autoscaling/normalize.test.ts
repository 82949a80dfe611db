import { describe, expect, it } from 'vitest';
import { normalizeLegacy, normalizeWithBehaviors, storeScaleEvent, type HpaMemory, type ScalingRules } from './normalize';

const fresh = (): HpaMemory => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });
/** SetDefaults_HorizontalPodAutoscalerBehavior's rules. */
const UP: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const DOWN: ScalingRules = { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

describe('HPA normalization without behavior (normalizeDesiredReplicas)', () => {
  it.each([
    // [current, desired, min, max, replicas, limited reason]
    [1, 8, 1, 10, 4, 'ScaleUpLimit'], // calculateScaleUpLimit: max(2 × 1, 4)
    [4, 9, 1, 10, 8, 'ScaleUpLimit'],
    [4, 12, 1, 6, 6, 'TooManyReplicas'],
    [3, 0, 2, 10, 2, 'TooFewReplicas'],
    [3, 5, 1, 10, 5, 'DesiredWithinRange'],
  ])('%i → %i (min %i, max %i) gives %i (%s)', (current, desired, min, max, replicas, reason) => {
    const n = normalizeLegacy(fresh(), 0, current, desired, min, max);
    expect(n.replicas).toBe(replicas);
    expect(n.scalingLimited[1]).toBe(reason);
    expect(n.scalingLimited[0]).toBe(replicas === desired ? 'False' : 'True');
  });

  it('keeps the highest recommendation of the last 5 minutes on the way down', () => {
    const mem = fresh();
    normalizeLegacy(mem, 0, 7, 7, 1, 10);
    const held = normalizeLegacy(mem, 60_000, 7, 1, 1, 10);
    expect(held.replicas).toBe(7);
    expect(held.ableToScale).toEqual(['ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation']);
    expect(normalizeLegacy(mem, 301_000, 7, 1, 1, 10).replicas).toBe(1);
  });
});

describe('HPA normalization with spec.behavior', () => {
  it('applies Pods/Percent policies per period and remembers scale events', () => {
    const mem = fresh();
    const up: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] };
    const n = normalizeWithBehaviors(mem, 0, 2, 9, 1, 10, up, DOWN);
    expect(n).toMatchObject({ replicas: 3, scalingLimited: ['True', 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] });
    storeScaleEvent(mem, 0, 2, 3, up, DOWN);
    // Within the 60 s period the one pod is spent: no further scale-up.
    expect(normalizeWithBehaviors(mem, 15_000, 3, 9, 1, 10, up, DOWN).replicas).toBe(3);
    expect(normalizeWithBehaviors(mem, 61_000, 3, 9, 1, 10, up, DOWN).replicas).toBe(4);
  });

  it.each([
    ['Max of Pods 4 / Percent 100 from 3', UP, 3, 20, 7],
    ['Min of the same', { ...UP, selectPolicy: 'Min' as const }, 3, 20, 6],
    ['Disabled', { ...UP, selectPolicy: 'Disabled' as const }, 3, 20, 3],
  ])('scale-up %s', (_n, up, current, desired, replicas) => {
    expect(normalizeWithBehaviors(fresh(), 0, current, desired, 1, 30, up, DOWN).replicas).toBe(replicas);
  });

  it('scale-down: a Pods policy limits the step, and a scale-up window holds the lowest recent recommendation', () => {
    const down: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] };
    expect(normalizeWithBehaviors(fresh(), 0, 8, 1, 1, 10, UP, down)).toMatchObject({ replicas: 6, scalingLimited: ['True', 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'] });
    const mem = fresh();
    const slowUp = { ...UP, stabilizationWindowSeconds: 120 };
    normalizeWithBehaviors(mem, 0, 2, 2, 1, 10, slowUp, DOWN);
    const n = normalizeWithBehaviors(mem, 30_000, 2, 6, 1, 10, slowUp, DOWN);
    expect(n).toMatchObject({ replicas: 2, ableToScale: ['ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation'] });
  });
});
