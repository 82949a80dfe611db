/** Go `%#v` renderings of a few API types, as field errors print bad values. */

function q(s: unknown): string {
  return JSON.stringify(String(s));
}

export function goStringMap(m: unknown): string {
  if (!m || typeof m !== 'object') return 'map[string]string(nil)';
  const keys = Object.keys(m as Record<string, unknown>).sort();
  return `map[string]string{${keys.map((k) => `${q(k)}:${q((m as Record<string, unknown>)[k])}`).join(', ')}}`;
}

function goStringSlice(v: unknown): string {
  if (!Array.isArray(v)) return '[]string(nil)';
  return `[]string{${v.map(q).join(', ')}}`;
}

/** v1.LabelSelector{MatchLabels:…, MatchExpressions:…} */
export function goLabelSelector(sel: unknown): string {
  const s = (sel ?? {}) as { matchLabels?: unknown; matchExpressions?: { key?: string; operator?: string; values?: unknown }[] };
  const exprs = Array.isArray(s.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${q(e.key ?? '')}, Operator:${q(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** A bad value that is printed verbatim (already in Go syntax). */
export function goValue(goSyntax: string): { goSyntax: string } {
  return { goSyntax };
}
