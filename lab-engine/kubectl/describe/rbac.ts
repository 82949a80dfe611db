/** Role/ClusterRole and RoleBinding/ClusterRoleBinding describers (describe.go, rbac breakdown/compaction). */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** rbac.BreakdownRule. */
export function breakdown(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const g of rule.apiGroups ?? []) {
    for (const r of rule.resources ?? []) {
      for (const v of rule.verbs ?? []) {
        if ((rule.resourceNames ?? []).length > 0) for (const n of rule.resourceNames!) out.push({ apiGroups: [g], resources: [r], verbs: [v], resourceNames: [n] });
        else out.push({ apiGroups: [g], resources: [r], verbs: [v] });
      }
    }
  }
  for (const u of rule.nonResourceURLs ?? []) for (const v of rule.verbs ?? []) out.push({ nonResourceURLs: [u], verbs: [v] });
  return out;
}

/** rbac.CompactRules: simple rules (one group, one resource, ≤1 name) merge their verbs. */
export function compact(rules: Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = (r.apiGroups ?? []).length === 1 && (r.resources ?? []).length === 1 && (r.resourceNames ?? []).length <= 1 && (r.nonResourceURLs ?? []).length === 0;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = `${r.apiGroups![0]}\u0000${r.resources![0]}\u0000${(r.resourceNames ?? []).length}\u0000${r.resourceNames?.[0] ?? ''}`;
    const existing = simple.get(key);
    if (existing) existing.verbs = [...(existing.verbs ?? []), ...(r.verbs ?? [])];
    else simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
  }
  return [...compacted, ...simple.values()];
}

const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

/** PolicyRule.String() (generated): the sort key of SortableRuleSlice. */
export function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

export function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources || resources.length === 0) return '';
  const [res, sub] = resources[0].split(/\/(.*)/s);
  let s = res;
  if (groups && groups.length > 0 && groups[0] !== '') s += `.${groups[0]}`;
  if (sub !== undefined && sub !== '') s += `/${sub}`;
  return s;
}

export function describeRole(role: KubeObject): string {
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  const keyed = rules.map((r) => ({ r, k: ruleString(r) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', role.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
  w.write(LEVEL_0, 'PolicyRule:\n');
  w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
  for (const { r } of keyed) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  return w.toString();
}

export function describeRoleBinding(b: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${b.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', b.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', b.metadata.annotations);
  w.write(LEVEL_0, 'Role:\n');
  w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
  w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
  w.write(LEVEL_0, 'Subjects:\n');
  w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
  w.write(LEVEL_1, '----\t----\t---------\n');
  for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.toString();
}
