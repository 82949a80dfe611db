import type { ClusterContext } from '../sim/context';
import type { KubeObject } from '../api/types';

/**
 * POST serviceaccounts/<name>/token (pkg/registry/core/serviceaccount/storage/token.go):
 * a TokenRequest answered with a JWT shaped like the apiserver's. Same claims
 * and the same rng stream as our `kubectl create token`
 * (kubectl/commands/create/simple.ts), so both print the same token.
 */
export function tokenRequest(cluster: ClusterContext, sa: KubeObject, request: KubeObject): KubeObject {
  const spec = (request.spec ?? {}) as { audiences?: string[] | null; expirationSeconds?: number };
  const seconds = spec.expirationSeconds ?? 3600;
  const now = Math.floor(cluster.clock.nowMs() / 1000);
  const rng = cluster.rng.derive(`token/${sa.metadata.uid}/${now}`);
  const audiences = spec.audiences?.length ? spec.audiences : ['https://kubernetes.default.svc.cluster.local'];
  const header = { alg: 'RS256', kid: rng.k8sString(43) };
  const claims = {
    aud: audiences,
    exp: now + seconds,
    iat: now,
    iss: 'https://kubernetes.default.svc.cluster.local',
    jti: rng.uuid(),
    'kubernetes.io': { namespace: sa.metadata.namespace, serviceaccount: { name: sa.metadata.name, uid: sa.metadata.uid } },
    nbf: now,
    sub: `system:serviceaccount:${sa.metadata.namespace}:${sa.metadata.name}`,
  };
  let sig = '';
  for (let i = 0; i < 342; i++) sig += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[rng.int(64)];
  const token = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}.${sig}`;
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: sa.metadata.name, namespace: sa.metadata.namespace, creationTimestamp: null } as unknown as KubeObject['metadata'],
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: null },
    status: { token, expirationTimestamp: new Date((now + seconds) * 1000).toISOString().replace('.000Z', 'Z') },
  };
}

function base64Url(s: string): string {
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
