import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { loadLab, type Lab } from '@kubelab/lab-engine';

export interface LabEntry {
  lab: Lab;
  /** Hash of the lab file: a learner's session belongs to the version it started on. */
  contentVersion: string;
  file: string;
}

const CONTENT_ROOT = join(process.cwd(), 'content');
let index: Map<string, LabEntry> | undefined;

/** Every lab.yaml under content/, by lab id. Invalid labs throw (the content self-test keeps them out). */
export function listLabs(): Map<string, LabEntry> {
  if (index && process.env.NODE_ENV === 'production') return index;
  const next = new Map<string, LabEntry>();
  for (const file of findLabFiles(CONTENT_ROOT)) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(process.cwd(), file);
    const r = loadLab(text, rel);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    next.set(r.lab.id, { lab: r.lab, contentVersion: createHash('sha256').update(text).digest('hex').slice(0, 16), file: rel });
  }
  index = next;
  return next;
}

export function getLab(labId: string): LabEntry | undefined {
  return listLabs().get(labId);
}

function findLabFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findLabFiles(p));
    else if (name === 'lab.yaml') out.push(p);
  }
  return out;
}
