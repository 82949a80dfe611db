import type { KubeObject } from '../api/types';
import type { Clock } from '../base/clock';
import type { Rng } from '../base/rng';
import { base64Encode } from '../kubectl/commands/create/sha256';

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const SIG_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A ServiceAccount token as the TokenRequest API issues it
 * (pkg/serviceaccount/claims.go): an RS256 JWT with the kubernetes.io claims.
 * The signature is simulated; the random parts come from a stream derived from
 * the account and the issue time, so kubectl and the REST facade print the same token.
 */
export function issueServiceAccountToken(cluster: { clock: Clock; rng: Rng }, sa: KubeObject, audiences: string[], seconds: number): { token: string; audiences: string[]; expiresAt: number } {
  const now = Math.floor(cluster.clock.nowMs() / 1000);
  const rng = cluster.rng.derive(`token/${sa.metadata.uid}/${now}`);
  const aud = audiences.length > 0 ? audiences : [ISSUER];
  const header = { alg: 'RS256', kid: rng.k8sString(43) };
  const claims = {
    aud,
    exp: now + seconds,
    iat: now,
    iss: ISSUER,
    jti: rng.uuid(),
    'kubernetes.io': { namespace: sa.metadata.namespace, serviceaccount: { name: sa.metadata.name, uid: sa.metadata.uid } },
    nbf: now,
    sub: `system:serviceaccount:${sa.metadata.namespace}:${sa.metadata.name}`,
  };
  let sig = '';
  for (let i = 0; i < 342; i++) sig += SIG_ALPHABET[rng.int(64)];
  return { token: `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}.${sig}`, audiences: aud, expiresAt: now + seconds };
}

function base64Url(s: string): string {
  return base64Encode(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
