/**
 * Reads a value from an object by a grader path:
 *   spec.replicas
 *   spec.template.spec.containers[0].image
 *   spec.template.spec.containers[name=web].image     (select a list item by field)
 *   metadata.labels["app.kubernetes.io/name"]          (keys with dots)
 *   spec.containers[*].image                           (all items → a list)
 */
export function readPath(obj: unknown, path: string): unknown {
  let values: unknown[] = [obj];
  let spread = false;
  for (const seg of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of values) {
      if (seg.kind === 'key') {
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) next.push((v as Record<string, unknown>)[seg.key]);
        else next.push(undefined);
      } else if (seg.kind === 'index') {
        next.push(Array.isArray(v) ? v[seg.index] : undefined);
      } else if (seg.kind === 'all') {
        spread = true;
        if (Array.isArray(v)) next.push(...v);
      } else {
        const arr = Array.isArray(v) ? v : [];
        next.push(arr.find((item) => item && typeof item === 'object' && String((item as Record<string, unknown>)[seg.field]) === seg.value));
      }
    }
    values = next;
  }
  return spread ? values.filter((v) => v !== undefined) : values[0];
}

type Segment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'select'; field: string; value: string };

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[\*\]|\[([A-Za-z0-9_.-]+)=([^\]]*)\]|\["([^"]+)"\]|\['([^']+)'\]|\./g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(path))) {
    if (m.index !== consumed) throw new Error(`invalid path ${JSON.stringify(path)} at ${consumed}`);
    consumed = re.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'key', key: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'index', index: Number(m[2]) });
    else if (m[0] === '[*]') out.push({ kind: 'all' });
    else if (m[3] !== undefined) out.push({ kind: 'select', field: m[3], value: m[4].replace(/^["']|["']$/g, '') });
    else if (m[5] !== undefined || m[6] !== undefined) out.push({ kind: 'key', key: (m[5] ?? m[6])! });
  }
  if (consumed !== path.length) throw new Error(`invalid path ${JSON.stringify(path)}`);
  return out;
}
