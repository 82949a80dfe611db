import type { ClusterContext } from '../sim/context';
import type { KubeObject } from '../api/types';
import { issueServiceAccountToken } from '../security/token';

/**
 * POST serviceaccounts/<name>/token (pkg/registry/core/serviceaccount/storage/token.go):
 * a TokenRequest answered with the token security/token.ts issues (the same
 * one our `kubectl create token` prints).
 */
export function tokenRequest(cluster: ClusterContext, sa: KubeObject, request: KubeObject): KubeObject {
  const spec = (request.spec ?? {}) as { audiences?: string[] | null; expirationSeconds?: number };
  const seconds = spec.expirationSeconds ?? 3600;
  const { token, audiences, expiresAt } = issueServiceAccountToken(cluster, sa, spec.audiences ?? [], seconds);
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: sa.metadata.name, namespace: sa.metadata.namespace, creationTimestamp: null } as unknown as KubeObject['metadata'],
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: null },
    status: { token, expirationTimestamp: new Date(expiresAt * 1000).toISOString().replace('.000Z', 'Z') },
  };
}
