import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';
import type { Locale } from '../lab/text';

/** What the grader may look at. The session provides it; checks never mutate anything. */
export interface GradeTarget {
  api: ApiClient;
  /** A file in the learner's filesystem (control-plane node), or undefined. */
  readFile(path: string): string | undefined;
  /** Runs a command in a throw-away copy of the learner's shell: not recorded, no side effects kept. */
  runCommand(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** Simulated request from a pod or a node's host network to a URL, through services and NetworkPolicy. */
  request?(from: { namespace: string; pod: string } | { node: string }, url: string, method?: string): { ok: boolean; detail: string };
}

export interface CheckOutcome {
  passed: boolean;
  /** The learner-facing sentence: what was expected and what was found. */
  message: string;
}

export interface CheckContext {
  target: GradeTarget;
  locale: Locale;
  functions: Record<string, CheckFunction>;
}

/** The escape hatch: a pure function over the cluster state (registered by name). */
export type CheckFunction = (input: { api: ApiClient; args: Record<string, unknown>; locale: Locale; readFile: GradeTarget['readFile'] }) => CheckOutcome;

/** Splits `kind/namespace/name` or `kind/name` (default namespace, or cluster-scoped kinds). */
export function parseObjectRef(ref: string, api: ApiClient): { kind: string; def: ReturnType<ApiClient['resolve']>; namespace: string; name: string } {
  const parts = ref.split('/');
  const def = api.resolve(parts[0]);
  if (parts.length === 3) return { kind: parts[0], def, namespace: parts[1], name: parts[2] };
  if (parts.length === 2) return { kind: parts[0], def, namespace: 'default', name: parts[1] };
  throw new Error(`object reference ${JSON.stringify(ref)} must be kind/name or kind/namespace/name`);
}

export function displayRef(obj: Pick<KubeObject, 'metadata'>, kind: string): string {
  return obj.metadata.namespace ? `${kind} ${obj.metadata.namespace}/${obj.metadata.name}` : `${kind} ${obj.metadata.name}`;
}
