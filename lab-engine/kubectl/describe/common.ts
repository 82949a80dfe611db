/** Shared describe.go helpers: labels, annotations, tolerations, events, times. */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer';
import { ageSince, rfc1123z } from '../util/duration';
import { goSortSlice } from '../output/go-sort';

export { rfc1123z };

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    // Continuation lines carry only the inner indent (raw output shows "\tk=v").
    if (i !== 0) w.write(LEVEL_0, innerIndent);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultilineWithIndent (skips the last-applied-configuration annotation). */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort();
  if (keys.length === 0) return w.line('<none>');
  const indent = initialIndent + innerIndent;
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
    } else w.write(LEVEL_0, `${k}: ${value}\n`);
  });
}

interface Toleration {
  key?: string;
  value?: string;
  effect?: string;
  operator?: string;
  tolerationSeconds?: number;
}

/** printTolerationsMultilineWithIndent (sorted by key). */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, innerIndent);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}

/** Events about an object (searchEvents: involvedObject kind/name/namespace/uid). */
export function eventsFor(store: { peekList(key: string, ns?: string): KubeObject[] }, obj: KubeObject): KubeObject[] {
  const ns = obj.metadata.namespace ?? 'default';
  return store.peekList('events', obj.metadata.namespace ? ns : undefined).filter((e) => {
    const io = e.involvedObject ?? {};
    // describe node searches with UID = node name (what kubelet reports); DescribePod clears the kind and,
    // for a mirror pod, searches with the static pod's UID (the kubernetes.io/config.mirror annotation)
    const isPod = obj.kind === 'Pod';
    const mirror = isPod ? obj.metadata.annotations?.['kubernetes.io/config.mirror'] : undefined;
    const uid = obj.kind === 'Node' ? obj.metadata.name : (mirror ?? obj.metadata.uid);
    // searchEvents' field selector: involvedObject.uid must equal that uid when there is one
    return io.name === obj.metadata.name && (isPod || io.kind === obj.kind) && (!uid || io.uid === uid) && (io.namespace ?? '') === (obj.metadata.namespace ?? (io.namespace ?? ''));
  });
}

/** An RFC 3339 time in microseconds (metav1.MicroTime precision); 0 when absent. */
export function timeMicros(s: string | undefined): number {
  if (!s) return 0;
  const frac = /\.(\d+)/.exec(s);
  const whole = Date.parse(s.replace(/\.\d+/, ''));
  return whole * 1000 + (frac ? Number(frac[1].slice(0, 6).padEnd(6, '0')) : 0);
}

/** DescribeEvents (sorted by lastTimestamp, SortableEvents). */
export function describeEvents(w: PrefixWriter, events: KubeObject[], nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // sort.Sort(event.SortableEvents(…)) by lastTimestamp: Go's unstable sort decides between same-second events
  const sorted = goSortSlice(events, (a, b) => timeMicros(a.lastTimestamp) < timeMicros(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    let first = ageSince(e.eventTime, nowMs);
    if (!e.eventTime) first = ageSince(e.firstTimestamp, nowMs);
    let interval: string;
    if (e.series) interval = `${ageSince(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${ageSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}

/** printController: `Kind/name` of the controller owner. */
export function controllerOf(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function boolText(b: unknown): string {
  return b ? 'True' : 'False';
}
