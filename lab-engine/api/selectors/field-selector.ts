import type { KubeObject } from '../types';
import { badRequest } from '../errors';

/**
 * Field selectors (`metadata.name=x,status.phase!=Running`). Each kind
 * supports a fixed set of fields (pkg/registry/<group>/<kind>/strategy.go
 * GetAttrs/ToSelectableFields); metadata.name and metadata.namespace always.
 */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

const EXTRA_FIELDS: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
  Service: ['spec.clusterIP', 'spec.type'],
  PersistentVolumeClaim: [],
};

export function parseFieldSelector(input: string, kind: string): FieldRequirement[] {
  const s = input.trim();
  if (!s) return [];
  return s.split(',').map((part) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    const fieldName = m[1].trim();
    const allowed = ['metadata.name', 'metadata.namespace', ...(EXTRA_FIELDS[kind] ?? [])];
    if (!allowed.includes(fieldName)) {
      throw badRequest(`field label not supported: ${fieldName}`);
    }
    return { field: fieldName, op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() };
  });
}

export function matchesFields(reqs: FieldRequirement[], obj: KubeObject): boolean {
  for (const r of reqs) {
    const actual = fieldValue(obj, r.field);
    if ((actual === r.value) !== (r.op === '=')) return false;
  }
  return true;
}

function fieldValue(obj: KubeObject, path: string): string {
  if (obj.kind === 'Event' && path === 'source') return obj.source?.component ?? '';
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[p];
  }
  if (cur === undefined || cur === null) return path === 'spec.unschedulable' || path === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}
