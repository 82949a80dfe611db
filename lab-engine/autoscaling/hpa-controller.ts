import type { ClusterContext } from '../sim/context';
import type { KubeObject } from '../api/types';
import type { KubeletService } from '../kubelet/types';
import { quantityValue } from '../api/quantity';
import { matchesLabelSelector } from '../api/selectors/label-selector';
import { recordEvent } from '../controllers/common/events';
import { METRICS_WINDOW_MS } from '../kubelet/cpu-meter';
import { resourceReplicas, TOLERANCE, type PodMetric } from './replica-calculator';
import { normalizeLegacy, normalizeWithBehaviors, storeScaleEvent, type HpaMemory } from './normalize';

const HPA = 'horizontalpodautoscalers.autoscaling';
const SYNC_PERIOD_MS = 15_000;
const COMPONENT = 'horizontal-pod-autoscaler';
const TARGETS: Record<string, string> = { Deployment: 'deployments.apps', ReplicaSet: 'replicasets.apps', StatefulSet: 'statefulsets.apps', ReplicationController: 'replicationcontrollers' };

interface MetricResult {
  replicas: number;
  status: Record<string, unknown>;
  description: string;
}

/**
 * The horizontal pod autoscaler (pkg/controller/podautoscaler/horizontal.go)
 * on a 15 s sync period of virtual time: resource metrics (CPU/memory,
 * Utilization or AverageValue) from the kubelets' usage, the 10% tolerance,
 * scale-up policies and the scale-down stabilization window, the target's
 * scale updated, and the conditions and events upstream reports.
 */
export class HpaController {
  private readonly memory = new Map<string, HpaMemory>();

  constructor(private readonly ctx: ClusterContext) {}

  install(): void {
    const tick = () => {
      for (const hpa of this.ctx.store.peekList(HPA)) this.sync(hpa);
      this.ctx.runtime.after(SYNC_PERIOD_MS, tick, { background: true, label: 'hpa sync' });
    };
    this.ctx.runtime.after(SYNC_PERIOD_MS, tick, { background: true, label: 'hpa sync' });
  }

  private sync(hpa: KubeObject): void {
    const ns = hpa.metadata.namespace!;
    const ref = hpa.spec.scaleTargetRef;
    const resource = TARGETS[ref.kind];
    const target = resource ? this.ctx.store.peek(resource, ns, ref.name) : undefined;
    if (!target) return this.fail(hpa, 'AbleToScale', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${resource ?? ref.kind.toLowerCase()} "${ref.name}" not found`);
    const current: number = target.spec?.replicas ?? 1;
    const bound = current === 0 ? undefined : current > hpa.spec.maxReplicas ? ['max', hpa.spec.maxReplicas] : current < (hpa.spec.minReplicas ?? 1) ? ['min', hpa.spec.minReplicas ?? 1] : undefined;
    if (bound) return this.rescaleToBound(hpa, resource, current, bound[0] as 'min' | 'max', bound[1] as number);
    const pods = this.ctx.store.peekList('pods', ns).filter((p) => !p.metadata.deletionTimestamp && matchesLabelSelector(target.spec?.selector, p.metadata.labels));
    const results: MetricResult[] = [];
    for (const m of hpa.spec.metrics ?? []) {
      if (m.type !== 'Resource') continue;
      const r = this.resourceMetric(m.resource, pods, current);
      if (typeof r === 'string') return this.fail(hpa, 'ScalingActive', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${r}`, current);
      results.push(r);
    }
    if (current === 0) return; // scaled to zero by hand: autoscaling is off, as upstream
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    const best = results.reduce((a, b) => (b.replicas > a.replicas ? b : a), results[0] ?? { replicas: current, status: {}, description: '' });
    const key = `${ns}/${hpa.metadata.name}`;
    const mem = this.memory.get(key) ?? { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
    this.memory.set(key, mem);
    const now = this.ctx.clock.nowMs();
    const behavior = hpa.spec.behavior;
    // Out-of-range counts were corrected before the metrics were read (rescaleToBound).
    const n = behavior ? normalizeWithBehaviors(mem, now, current, best.replicas, min, max, behavior.scaleUp ?? {}, behavior.scaleDown ?? {}) : normalizeLegacy(mem, now, current, best.replicas, min, max);
    const desired = n.replicas;
    const reason = best.replicas > current ? `${best.description} above target` : 'All metrics below target';
    let able: string[] = ['True', ...n.ableToScale];
    let lastScaleTime = hpa.status?.lastScaleTime;
    if (desired !== current) {
      const api = this.ctx.api();
      const fresh = api.get(this.ctx.registry.resolve(resource)!, ns, ref.name);
      api.update({ ...fresh, spec: { ...fresh.spec, replicas: desired } });
      if (behavior) storeScaleEvent(mem, now, current, desired, behavior.scaleUp ?? {}, behavior.scaleDown ?? {});
      recordEvent(this.ctx, hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, COMPONENT);
      able = ['True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`];
      lastScaleTime = this.ctx.clock.nowRfc3339();
    }
    const limited: string[] = n.scalingLimited;
    this.writeStatus(hpa, {
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics: results.map((r) => r.status),
      conditions: [
        cond(hpa, 'AbleToScale', able, this.ctx.clock.nowRfc3339()),
        cond(hpa, 'ScalingActive', ['True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${results[0]?.description ?? 'its metrics'}`], this.ctx.clock.nowRfc3339()),
        cond(hpa, 'ScalingLimited', limited, this.ctx.clock.nowRfc3339()),
      ],
    });
  }

  /** GetResourceReplicas (Utilization, replica-calculator.ts) or per-pod usage (AverageValue). */
  private resourceMetric(res: { name: string; target: { type: string; averageUtilization?: number; averageValue?: string } }, pods: KubeObject[], current: number): MetricResult | string {
    const kubelet = this.ctx.services.get('kubelet') as KubeletService | undefined;
    const noMetrics = `failed to get ${res.name} utilization: unable to get metrics for resource ${res.name}: no metrics returned from resource metrics API`;
    const ready = pods.filter((p) => p.status?.phase === 'Running');
    if (!kubelet || ready.length === 0) return noMetrics;
    const isCpu = res.name === 'cpu';
    const now = this.ctx.clock.nowMs();
    const metrics = new Map<string, PodMetric>();
    const requests = new Map<string, number>();
    for (const p of pods) {
      let request = 0;
      for (const c of p.spec?.containers ?? []) {
        const r = c.resources?.requests?.[res.name];
        if (r === undefined && res.target.type === 'Utilization') return `failed to get ${res.name} utilization: missing request for ${res.name} in container ${c.name} of Pod ${p.metadata.name}`;
        request += isCpu ? quantityValue(r) * 1000 : quantityValue(r);
      }
      requests.set(p.metadata.name!, request);
      if (p.status?.phase !== 'Running') continue;
      const usage = kubelet.podUsage(p.metadata.namespace!, p.metadata.name!);
      if (usage.length) metrics.set(p.metadata.name!, { value: usage.reduce((a, c) => a + (isCpu ? c.cpuMillis : c.memoryBytes), 0), timestampMs: now, windowMs: METRICS_WINDOW_MS });
    }
    if (metrics.size === 0) return noMetrics;
    if (res.target.type === 'Utilization') {
      const calc = resourceReplicas({ currentReplicas: current, targetUtilization: res.target.averageUtilization ?? 80, resource: res.name, pods, metrics, requests, nowMs: now });
      if (typeof calc === 'string') return `failed to get ${res.name} utilization: ${calc}`;
      const averageValue = isCpu ? `${Math.round(calc.rawAverage)}m` : `${Math.round(calc.rawAverage)}`;
      return { replicas: calc.replicas, status: { type: 'Resource', resource: { name: res.name, current: { averageUtilization: calc.utilization, averageValue } } }, description: `${res.name} resource utilization (percentage of request)` };
    }
    let usage = 0;
    for (const m of metrics.values()) usage += m.value;
    const perPod = usage / metrics.size;
    const averageValue = isCpu ? `${Math.round(perPod)}m` : `${Math.round(perPod)}`;
    const target = quantityValue(res.target.averageValue) * (isCpu ? 1000 : 1);
    const ratio = perPod / target;
    const replicas = Math.abs(ratio - 1) <= TOLERANCE ? current : Math.ceil(usage / target);
    return { replicas, status: { type: 'Resource', resource: { name: res.name, current: { averageValue } } }, description: `${res.name} resource` };
  }

  /**
   * horizontal.go reconcileAutoscaler: a target outside [minReplicas, maxReplicas] is brought to the bound
   * before any metric is read (so it happens even when metrics are missing, e.g. pods without requests).
   */
  private rescaleToBound(hpa: KubeObject, resource: string, current: number, which: 'min' | 'max', desired: number): void {
    const ns = hpa.metadata.namespace!;
    const api = this.ctx.api();
    const fresh = api.get(this.ctx.registry.resolve(resource)!, ns, hpa.spec.scaleTargetRef.name);
    api.update({ ...fresh, spec: { ...fresh.spec, replicas: desired } });
    const reason = which === 'min' ? 'Current number of replicas below Spec.MinReplicas' : 'Current number of replicas above Spec.MaxReplicas';
    recordEvent(this.ctx, hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, COMPONENT);
    const now = this.ctx.clock.nowRfc3339();
    const others = (hpa.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'AbleToScale');
    this.writeStatus(hpa, {
      lastScaleTime: now,
      currentReplicas: current,
      desiredReplicas: desired,
      conditions: [cond(hpa, 'AbleToScale', ['True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`], now), ...others],
    });
  }

  private fail(hpa: KubeObject, type: string, reason: string, message: string, current?: number): void {
    recordEvent(this.ctx, hpa, 'Warning', reason, message, COMPONENT);
    this.writeStatus(hpa, {
      ...(hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
      currentReplicas: current ?? hpa.status?.currentReplicas ?? 0,
      desiredReplicas: hpa.status?.desiredReplicas ?? 0,
      conditions: [cond(hpa, type, ['False', reason, message], this.ctx.clock.nowRfc3339())],
    });
  }

  private writeStatus(hpa: KubeObject, status: Record<string, unknown>): void {
    const next = { observedGeneration: hpa.metadata.generation, ...status };
    if (JSON.stringify(next) === JSON.stringify(hpa.status)) return;
    const api = this.ctx.api();
    const fresh = api.get(this.ctx.registry.resolve(HPA)!, hpa.metadata.namespace!, hpa.metadata.name!);
    api.updateStatus({ ...fresh, status: next });
  }
}

/** A condition, keeping lastTransitionTime while the status does not change. */
function cond(hpa: KubeObject, type: string, [status, reason, message]: string[], now: string) {
  const old = (hpa.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
  return { type, status, reason, message, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now };
}
