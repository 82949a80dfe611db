import type { KubeObject } from '../api/types';
import type { Clock } from '../base/clock';
import type { Rng } from '../base/rng';
import { base64Encode } from '../kubectl/commands/create/sha256';

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** token.WarnOnlyBoundTokenExpirationSeconds and token.ExpirationExtensionSeconds (pkg/serviceaccount). */
const WARN_ONLY_SECONDS = 60 * 60 + 7;
const EXTENDED_SECONDS = 24 * 365 * 60 * 60;

/** The objects a bound token names (pkg/serviceaccount/claims.go `kubernetes`): the pod and its node. */
export interface BoundObjects {
  pod?: { name: string; uid: string };
  node?: { name: string; uid: string };
}

const SIG_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A ServiceAccount token as the TokenRequest API issues it
 * (pkg/serviceaccount/claims.go): an RS256 JWT with the kubernetes.io claims.
 * The signature is simulated; the random parts come from a stream derived from
 * the account and the issue time, so kubectl and the REST facade print the same token.
 */
export function issueServiceAccountToken(cluster: { clock: Clock; rng: Rng }, sa: KubeObject, audiences: string[], seconds: number, bound?: BoundObjects): { token: string; audiences: string[]; expiresAt: number } {
  const now = Math.floor(cluster.clock.nowMs() / 1000);
  const rng = cluster.rng.derive(`token/${sa.metadata.uid}/${now}${bound?.pod ? `/${bound.pod.uid}` : ''}`);
  const aud = audiences.length > 0 ? audiences : [ISSUER];
  const header = { alg: 'RS256', kid: rng.k8sString(43) };
  // pkg/registry/core/serviceaccount/storage/token.go: a pod-bound token asked for the kubelet's default
  // 3607 s with the API server's audience is issued for a year, warning after 3607 s
  // (--service-account-extend-token-expiration, on by default).
  const extend = !!bound?.pod && seconds === WARN_ONLY_SECONDS && aud.length === 1 && aud[0] === ISSUER;
  const exp = now + (extend ? EXTENDED_SECONDS : seconds);
  // go-jose merges the claims into maps, so the JSON keys come out sorted (node, pod before serviceaccount).
  const k8s: Record<string, unknown> = { namespace: sa.metadata.namespace };
  if (bound?.node) k8s.node = bound.node;
  if (bound?.pod) k8s.pod = bound.pod;
  k8s.serviceaccount = { name: sa.metadata.name, uid: sa.metadata.uid };
  if (extend) k8s.warnafter = now + seconds;
  const claims = {
    aud,
    exp,
    iat: now,
    iss: ISSUER,
    jti: rng.uuid(),
    'kubernetes.io': k8s,
    nbf: now,
    sub: `system:serviceaccount:${sa.metadata.namespace}:${sa.metadata.name}`,
  };
  let sig = '';
  for (let i = 0; i < 342; i++) sig += SIG_ALPHABET[rng.int(64)];
  return { token: `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}.${sig}`, audiences: aud, expiresAt: exp };
}

function base64Url(s: string): string {
  return base64Encode(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
