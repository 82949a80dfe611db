/** describe.go genericDescriber + printUnstructuredContent + smartLabelFor (kinds without a describer, custom resources). */
import type { KubeObject } from '../../api/types';
import { PrefixWriter, LEVEL_0 } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { goPrint } from '../output';

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

export function describeGeneric(obj: KubeObject, events: KubeObject[] | null, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj as Record<string, unknown>, '');
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, depth = 0): void {
  if (depth > 64) return;
  for (const field of Object.keys(content).sort()) {
    const v = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, v as Record<string, unknown>, path, depth + 1);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of v) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path, depth + 1);
        else w.write(level + 1, `${goPrint(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goPrint(v)}\n`);
  }
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: `apiVersion` → `API Version`, `creationTimestamp` → `Creation Timestamp`. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fatih/camelcase Split. */
function camelSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last && runs.length > 0) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
