/**
 * `-o name` and the "<kind>/<name> <operation>" success lines
 * (cli-runtime/pkg/printers/name.go NamePrinter.PrintObj / printObj).
 */
import type { KubeObject } from '../../api/types';

/** `pod/x`, `deployment.apps/web`, `role.rbac.authorization.k8s.io/r1` (kind lower-cased, group if any). */
export function qualifiedName(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  return `${kindPrefix(obj.apiVersion, obj.kind)}/${obj.metadata?.name ?? ''}`;
}

/** `pod`, `deployment.apps`: the part before the slash. */
export function kindPrefix(apiVersion: string, kind: string): string {
  const slash = (apiVersion ?? '').indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/**
 * One line per object: `pod/x\n`, or `pod/x created\n` with an operation
 * (`created`, `configured`, `deleted`, `created (dry run)`, …).
 */
export function printName(objs: KubeObject | KubeObject[], operation?: string): string {
  const list = Array.isArray(objs) ? objs : [objs];
  return list.map((o) => (operation ? `${qualifiedName(o)} ${operation}\n` : `${qualifiedName(o)}\n`)).join('');
}
