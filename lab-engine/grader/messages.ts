import type { Locale } from '../lab/text';

export function notFoundMessage(kind: string, namespace: string | undefined, name: string, locale: Locale): string {
  if (locale === 'zh') return namespace ? `在命名空间 "${namespace}" 中找不到 ${kind} "${name}"` : `找不到 ${kind} "${name}"`;
  return namespace ? `${kind} "${name}" was not found in namespace "${namespace}"` : `${kind} "${name}" was not found`;
}

export function unknownKindMessage(kind: string, locale: Locale): string {
  return locale === 'zh' ? `集群中没有资源类型 "${kind}"` : `the cluster has no resource type "${kind}"`;
}
