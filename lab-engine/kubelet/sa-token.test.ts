import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../session/session';
import { setUpVolume } from './volumes';
import { pod } from './testing';
import type { KubeObject } from '../api/types';

const START = Date.UTC(2026, 0, 5, 9);
const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

async function ok(s: Session, line: string): Promise<string> {
  const r = await s.run(line);
  expect(r.stderr, line).toBe('');
  expect(r.exitCode, line).toBe(0);
  return r.stdout;
}

describe('projected service-account token', () => {
  it('is the bound token kube-apiserver issues: real claims, a year with warnafter 3607 s, names the pod and node', async () => {
    const s = await createSession({ seed: 2, startMs: START });
    await ok(s, 'kubectl run p --image=nginx');
    await ok(s, 'kubectl wait --for=condition=Ready pod/p');
    const header = JSON.parse(await ok(s, `kubectl exec p -- cat ${TOKEN} | cut -d. -f1 | base64 -d`));
    expect(header).toMatchObject({ alg: 'RS256' });
    const text = await ok(s, `kubectl exec p -- cat ${TOKEN} | cut -d. -f2 | base64 -d`);
    const claims = JSON.parse(text);
    const podUid = await ok(s, 'kubectl get pod p -o jsonpath={.metadata.uid}');
    const node = await ok(s, 'kubectl get pod p -o jsonpath={.spec.nodeName}');
    const nodeUid = await ok(s, `kubectl get node ${node} -o jsonpath={.metadata.uid}`);
    const saUid = await ok(s, 'kubectl get sa default -o jsonpath={.metadata.uid}');
    expect(claims).toEqual({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      exp: claims.iat + 31_536_000,
      iat: claims.iat,
      iss: 'https://kubernetes.default.svc.cluster.local',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'kubernetes.io': { namespace: 'default', node: { name: node, uid: nodeUid }, pod: { name: 'p', uid: podUid }, serviceaccount: { name: 'default', uid: saUid }, warnafter: claims.iat + 3607 },
      nbf: claims.iat,
      sub: 'system:serviceaccount:default:default',
    });
    // Keys in go-jose's order (sorted maps).
    expect(Object.keys(claims)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(Math.abs(claims.iat * 1000 - s.nowMs())).toBeLessThan(60_000);
  });

  it('authenticates as the service account', async () => {
    const s = await createSession({ seed: 2, startMs: START });
    await ok(s, 'kubectl run p --image=nginx');
    await ok(s, 'kubectl wait --for=condition=Ready pod/p');
    await ok(s, `kubectl config set-credentials pod-sa --token=$(kubectl exec p -- cat ${TOKEN}) >/dev/null`);
    await ok(s, 'kubectl config set-context pod-sa --cluster=kubernetes --user=pod-sa >/dev/null');
    expect(await ok(s, 'kubectl --context=pod-sa auth whoami')).toMatch(/^ATTRIBUTE +VALUE\nUsername +system:serviceaccount:default:default\n/);
    const denied = await s.run('kubectl --context=pod-sa get secrets');
    expect(denied.stderr).toBe('Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:default:default" cannot list resource "secrets" in API group "" in the namespace "default"\n');
  });

  it('a projection with its own audience and expiry keeps them (no extension)', async () => {
    const s = await createSession({ seed: 2, startMs: START });
    await ok(s, `kubectl run v --image=nginx --overrides='{"spec":{"volumes":[{"name":"t","projected":{"sources":[{"serviceAccountToken":{"path":"vault-token","audience":"vault","expirationSeconds":600}}]}}],"containers":[{"name":"v","image":"nginx","volumeMounts":[{"name":"t","mountPath":"/t"}]}]}}'`);
    await ok(s, 'kubectl wait --for=condition=Ready pod/v');
    const claims = JSON.parse(await ok(s, 'kubectl exec v -- cat /t/vault-token | cut -d. -f2 | base64 -d'));
    expect(claims.aud).toEqual(['vault']);
    expect(claims.exp - claims.iat).toBe(600);
    expect(claims['kubernetes.io'].warnafter).toBeUndefined();
    expect(claims['kubernetes.io'].pod.name).toBe('v');
  });

  it('without the token plugin (bare volume context) the stand-in token is still written', () => {
    const p = pod('x', { containers: [] }, { uid: 'u1' });
    const volume = { name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } } as unknown as KubeObject;
    const r = setUpVolume(volume, { pod: p, peek: () => undefined, plugins: [], hostPaths: new Map(), fallbackPVs: new Map(), allocatable: {}, emptyDirs: new Map() });
    expect('dir' in r && r.dir.files.get('token')).toMatch(/^eyJ/);
  });
});
