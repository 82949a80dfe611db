import type { ResourcePath } from './types';

/**
 * Parses a Kubernetes REST path (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go):
 *   /api/v1/pods, /api/v1/namespaces/ns/pods/name/log, /apis/apps/v1/namespaces/ns/deployments/web/scale,
 *   /api/v1/namespaces/ns (the Namespace object itself), /api/v1/nodes/n/status.
 */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    return { group, version, namespace: rest[1], resource: rest[2], name: rest[3], subresource: rest[4] };
  }
  if (rest[0] === 'namespaces' && rest.length === 2) return { group, version, resource: 'namespaces', name: rest[1] };
  return { group, version, resource: rest[0], name: rest[1], subresource: rest[2] };
}
