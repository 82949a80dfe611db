import type { KubeObject } from '../../api/types';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** v1 Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function matchRequirement(r: Requirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && vals.includes(value);
    case 'NotIn':
      return value === undefined || !vals.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const b = Number(vals[0]);
      return value !== undefined && Number.isInteger(n) && (r.operator === 'Gt' ? n > b : n < b);
    }
    default:
      return false;
  }
}

/** nodeSelector plus requiredDuringSchedulingIgnoredDuringExecution (component-helpers nodeaffinity). */
export function matchesNodeSelectorAndAffinity(podSpec: KubeObject['spec'], node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((podSpec?.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
  const terms = podSpec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as
    | { matchExpressions?: Requirement[]; matchFields?: Requirement[] }[]
    | undefined;
  if (!terms) return true;
  return terms.some((term) => {
    if (!term.matchExpressions?.length && !term.matchFields?.length) return false;
    const exprOk = (term.matchExpressions ?? []).every((r) => matchRequirement(r, labels[r.key]));
    const fieldOk = (term.matchFields ?? []).every((r) => r.key === 'metadata.name' && matchRequirement(r, node.metadata.name));
    return exprOk && fieldOk;
  });
}
