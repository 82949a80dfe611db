import type { KubeObject } from '../api/types';

/**
 * autoscaling/v1 HorizontalPodAutoscaler over the engine's autoscaling/v2
 * objects: `kubectl autoscale` posts v1. Conversion as in
 * pkg/apis/autoscaling/v1/conversion.go: targetCPUUtilizationPercentage ⇄ a
 * Resource metric on cpu with an Utilization target.
 */
type Obj = Record<string, unknown>;

export function hpaV1ToV2(v1: KubeObject): KubeObject {
  const { targetCPUUtilizationPercentage: cpu, ...spec } = (v1.spec ?? {}) as Obj;
  const metrics = cpu === undefined ? undefined : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }];
  return { ...v1, apiVersion: 'autoscaling/v2', spec: { ...spec, ...(metrics ? { metrics } : {}) } };
}

export function hpaV2ToV1(v2: KubeObject): KubeObject {
  const { metrics, behavior: _b, ...spec } = (v2.spec ?? {}) as Obj & { metrics?: Obj[] };
  const cpu = metrics?.find((m) => m.type === 'Resource' && (m.resource as Obj)?.name === 'cpu');
  const target = ((cpu?.resource as Obj | undefined)?.target ?? {}) as Obj;
  const status = (v2.status ?? {}) as Obj & { currentMetrics?: Obj[]; conditions?: unknown };
  const { currentMetrics, conditions: _c, ...restStatus } = status;
  const current = currentMetrics?.find((m) => m.type === 'Resource' && (m.resource as Obj)?.name === 'cpu');
  const currentCpu = ((current?.resource as Obj | undefined)?.current as Obj | undefined)?.averageUtilization;
  return {
    ...v2,
    apiVersion: 'autoscaling/v1',
    spec: { ...spec, ...(target.averageUtilization !== undefined ? { targetCPUUtilizationPercentage: target.averageUtilization } : {}) },
    status: { ...restStatus, ...(currentCpu !== undefined ? { currentCPUUtilizationPercentage: currentCpu } : {}) },
  };
}

/** Converts a JSON response body (object or list) from v2 to v1. */
export function hpaBodyToV1(body: string): string {
  const o = JSON.parse(body) as KubeObject & { items?: KubeObject[] };
  if (o.kind === 'HorizontalPodAutoscaler') return JSON.stringify(hpaV2ToV1(o));
  if (o.kind === 'HorizontalPodAutoscalerList') return JSON.stringify({ ...o, apiVersion: 'autoscaling/v1', items: (o.items ?? []).map(hpaV2ToV1) });
  return body;
}
