import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';
import { createSession } from '../../session/session';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status.message;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const CPU = { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } } };
function pod(name: string, opts: { container?: object; spec?: object } = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'team' }, spec: { ...opts.spec, containers: [{ name: 'c', image: 'nginx:1.27', ...opts.container }] } };
}

function server(quotaSpec: object) {
  const s = newApiServer();
  s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  for (const name of ['high', 'low']) s.api().create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: name === 'high' ? 1000 : 10 });
  s.api().create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'team' }, spec: { hard: { pods: '1' }, ...quotaSpec } });
  s.settle();
  return s;
}

describe('ResourceQuota scopes', () => {
  it.each([
    // [scope spec, a pod that is tracked, a pod that is not]
    ['BestEffort', { scopes: ['BestEffort'] }, {}, { container: CPU }],
    ['NotBestEffort', { scopes: ['NotBestEffort'] }, { container: CPU }, {}],
    ['Terminating', { scopes: ['Terminating'] }, { spec: { activeDeadlineSeconds: 60 } }, {}],
    ['NotTerminating', { scopes: ['NotTerminating'] }, {}, { spec: { activeDeadlineSeconds: 60 } }],
    ['PriorityClass In', { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }, { spec: { priorityClassName: 'high' } }, { spec: { priorityClassName: 'low' } }],
    ['PriorityClass NotIn', { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'NotIn', values: ['high'] }] } }, { spec: { priorityClassName: 'low' } }, { spec: { priorityClassName: 'high' } }],
    ['PriorityClass Exists', { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'Exists' }] } }, { spec: { priorityClassName: 'low' } }, {}],
  ] as const)('%s: charges matching pods only, with the real exceeded-quota message', (_name, quotaSpec, tracked, untracked) => {
    const s = server(quotaSpec);
    s.api().create(pod('a', tracked));
    s.settle();
    expect(s.store.peek('resourcequotas', 'team', 'q')!.status.used).toEqual({ pods: '1' });
    s.api().create(pod('free', untracked)); // outside the scope: not counted, not refused
    expect(messageOf(() => s.api().create(pod('b', tracked)))).toBe('pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1');
    s.settle();
    expect(s.store.peek('resourcequotas', 'team', 'q')!.status.used).toEqual({ pods: '1' });
  });

  it('a scoped quota ignores objects other than pods; "must specify" applies only to matching pods', () => {
    const s = newApiServer();
    s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    s.api().create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'team' }, spec: { hard: { 'requests.cpu': '1' }, scopes: ['NotBestEffort'] } });
    s.settle();
    s.api().create(pod('besteffort')); // no requests: outside NotBestEffort, so no "must specify requests.cpu"
    expect(messageOf(() => s.api().create(pod('mem', { container: { resources: { requests: { memory: '64Mi' } } } })))).toBe('pods "mem" is forbidden: failed quota: compute: must specify requests.cpu for: c');
  });

  it.each([
    [{ hard: { pods: '1' }, scopes: ['BestEffort', 'NotBestEffort'] }, 'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: conflicting scopes'],
    [{ hard: { 'requests.cpu': '1' }, scopes: ['BestEffort'] }, 'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource'],
    [{ hard: { pods: '1' }, scopes: ['Sometimes'] }, 'spec.scopes: Invalid value: []core.ResourceQuotaScope{"Sometimes"}: unsupported scope'],
    [{ hard: { pods: '1' }, scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In' }] } }, "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"],
    [{ hard: { pods: '1' }, scopeSelector: { matchExpressions: [{ scopeName: 'BestEffort', operator: 'In', values: ['x'] }] } }, "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity"],
  ])('validates %j', (spec, message) => {
    const s = newApiServer();
    s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    expect(messageOf(() => s.api().create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'team' }, spec }))).toBe(`ResourceQuota "q" is invalid: ${message}`);
  });

  it('kubectl create quota --scopes and describe show them', async () => {
    const s = await createSession({ seed: 4, setup: ['kubectl create namespace team'] });
    expect((await s.run('kubectl -n team create quota best-effort --hard=pods=1 --scopes=BestEffort')).stdout).toBe('resourcequota/best-effort created\n');
    expect((await s.run('kubectl -n team run a --image=nginx:1.27')).exitCode).toBe(0);
    const refused = await s.run('kubectl -n team run b --image=nginx:1.27');
    expect(refused.stderr).toBe('Error from server (Forbidden): pods "b" is forbidden: exceeded quota: best-effort, requested: pods=1, used: pods=1, limited: pods=1\n');
    expect((await s.run('kubectl -n team describe quota best-effort')).stdout).toContain('Scopes:     BestEffort\n');
    const bad = await s.run('kubectl -n team create quota both --hard=pods=1 --scopes=BestEffort,NotBestEffort');
    // create_quota.go wraps the API error: fmt.Errorf("failed to create quota: %v", err).
    expect(bad.stderr).toBe('error: failed to create quota: ResourceQuota "both" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: conflicting scopes\n');
  });
});
