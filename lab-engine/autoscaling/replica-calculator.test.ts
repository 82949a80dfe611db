import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { resourceReplicas, type PodMetric } from './replica-calculator';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A pod started `startedAgoS` ago, Ready (or not) since `readyAgoS`. */
function pod(name: string, opts: { phase?: string; ready?: boolean; startedAgoS?: number; readyAgoS?: number } = {}): KubeObject {
  const { phase = 'Running', ready = true, startedAgoS = 600, readyAgoS = 590 } = opts;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c' }] },
    status: { phase, startTime: iso(NOW - startedAgoS * 1000), conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: iso(NOW - readyAgoS * 1000) }] },
  };
}

const metric = (value: number): PodMetric => ({ value, timestampMs: NOW, windowMs: 15_000 });

function calc(current: number, pods: KubeObject[], usage: Record<string, number>, target = 50) {
  const requests = new Map(pods.map((p) => [p.metadata.name!, 200]));
  const metrics = new Map(Object.entries(usage).map(([k, v]) => [k, metric(v)]));
  return resourceReplicas({ currentReplicas: current, targetUtilization: target, resource: 'cpu', pods, metrics, requests, nowMs: NOW });
}

describe('resourceReplicas (replica_calculator.go GetResourceReplicas)', () => {
  it.each([
    // [case, current, pods, usage (millicores), expected replicas, expected utilization]
    ['scale up: ceil(ratio × ready pods)', 1, [pod('a')], { a: 500 }, 5, 250],
    ['within the 10% tolerance: unchanged', 7, 'abcdefg'.split('').map((n) => pod(n)), Object.fromEntries('abcdefg'.split('').map((n) => [n, 92])), 7, 46],
    ['scale down', 7, 'abcdefg'.split('').map((n) => pod(n)), Object.fromEntries('abcdefg'.split('').map((n) => [n, 1])), 0, 0], // min replicas are applied by the controller
    // A pod becoming ready less than a metric window ago is ignored, and counts as 0 on a scale-up.
    ['young pod ignored then rebalanced at 0', 2, [pod('a'), pod('b', { startedAgoS: 20, readyAgoS: 10 })], { a: 500, b: 300 }, 5, 250],
    // Missing metrics count as 0 on a scale-up …
    ['missing pod at 0 on scale-up', 2, [pod('a'), pod('b')], { a: 300 }, 3, 150],
    // … and as 100% of request on a scale-down (which then may not happen).
    ['missing pod at 100% on scale-down', 2, [pod('a'), pod('b')], { a: 20 }, 2, 10],
    ['pending pods are ignored', 1, [pod('a'), pod('b', { phase: 'Pending' })], { a: 100 }, 1, 50],
  ] as const)('%s', (_case, current, pods, usage, replicas, utilization) => {
    expect(calc(current, [...pods], usage)).toMatchObject({ replicas, utilization });
  });

  it('reports no metrics for ready pods and an empty selection with upstream text', () => {
    expect(calc(1, [pod('a', { ready: false, startedAgoS: 20, readyAgoS: 20 })], { a: 100 })).toBe('did not receive metrics for any ready pods');
    expect(calc(1, [], {})).toBe('no pods returned by selector while calculating replica count');
  });
});
