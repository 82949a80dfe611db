import type { KubeObject } from '../types';

/**
 * Strict decoding: the dotted paths of fields the kind's OpenAPI schema does
 * not know. Filled in by the schema loader (see ./index.ts); until a schema
 * is registered for a kind, nothing is reported unknown.
 */
export type StrictChecker = (obj: KubeObject) => string[];

const checkers = new Map<string, StrictChecker>();

export function registerStrictChecker(group: string, version: string, kind: string, fn: StrictChecker): void {
  checkers.set(`${group}/${version}/${kind}`, fn);
}

export function strictFields(group: string, version: string, kind: string, obj: KubeObject): string[] {
  return checkers.get(`${group}/${version}/${kind}`)?.(obj) ?? [];
}
