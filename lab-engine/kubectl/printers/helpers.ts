/** Cell helpers shared by the per-kind printers (pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../api/types';
import { ageSince } from '../util/duration';

export { ageSince };

export const age = (o: KubeObject, nowMs: number) => ageSince(o.metadata?.creationTimestamp, nowMs);

/** labels.FormatLabels: `k=v,…` sorted by key, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  if (!m) return '<none>';
  const keys = Object.keys(m).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${m[k]}`).join(',');
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * metav1.FormatLabelSelector: `<none>` for nil/empty, otherwise the
 * labels.Selector string (requirements sorted by key; values sorted).
 */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = selectorString(sel);
  return s === '' ? '<none>' : s;
}

/** LabelSelectorAsSelector(sel).String(): '' when empty/nil (used by Deployment). */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort();
    let text = '';
    switch (e.operator) {
      case 'In': text = `${e.key} in (${vals.join(',')})`; break;
      case 'NotIn': text = `${e.key} notin (${vals.join(',')})`; break;
      case 'Exists': text = e.key; break;
      case 'DoesNotExist': text = `!${e.key}`; break;
      default: text = `${e.key} ${e.operator} (${vals.join(',')})`;
    }
    reqs.push({ key: e.key, text });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** layoutContainerCells: names and images of the regular containers joined with ','. */
export function containerCells(podSpec: { containers?: { name: string; image?: string }[] } | undefined): [string, string] {
  const cs = podSpec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** printBoolPtr: `True`/`False`/`<unset>`. */
export function boolPtr(v: boolean | undefined | null): string {
  if (v === undefined || v === null) return '<unset>';
  return v ? 'True' : 'False';
}

/** Short access modes (helper.GetAccessModesAsString): RWO,ROX,RWX,RWOP in that order, deduplicated. */
export function accessModes(modes: string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** The int-or-string value as fmt prints it (`25%`, `1`). */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}
