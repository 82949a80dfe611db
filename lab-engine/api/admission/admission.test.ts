import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status.message;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const pod = (name: string, container: object = {}, spec: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'team' },
  spec: { ...spec, containers: [{ name: 'c', image: 'nginx:1.27', ...container }] },
});

function server() {
  const s = newApiServer();
  s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  s.settle();
  return s;
}

describe('LimitRanger', () => {
  it('fills container defaults with the annotation and enforces min/max', () => {
    const s = server();
    s.api().create({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'limits', namespace: 'team' },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1' }, min: { cpu: '50m' } }] },
    });
    const lr = s.store.peek('limitranges', 'team', 'limits')!;
    expect(lr.spec.limits[0].defaultRequest).toEqual({ cpu: '100m', memory: '256Mi' });
    const p = s.api().create(pod('a'));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(p.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c' });
    expect(p.status.qosClass).toBe('Burstable');
    expect(messageOf(() => s.api().create(pod('b', { resources: { limits: { cpu: '2' }, requests: { cpu: '10m' } } })))).toBe(
      'pods "b" is forbidden: [minimum cpu usage per Container is 50m, but request is 10m, maximum cpu usage per Container is 1, but limit is 2]',
    );
  });
});

describe('ResourceQuota', () => {
  it('tracks usage in status and refuses what exceeds it', () => {
    const s = server();
    s.api().create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'team' }, spec: { hard: { pods: '2', 'requests.cpu': '1', 'limits.memory': '1Gi' } } });
    s.settle();
    expect(s.store.peek('resourcequotas', 'team', 'q')!.status).toEqual({ hard: { 'limits.memory': '1Gi', pods: '2', 'requests.cpu': '1' }, used: { 'limits.memory': '0', pods: '0', 'requests.cpu': '0' } });
    expect(messageOf(() => s.api().create(pod('nolimits')))).toBe('pods "nolimits" is forbidden: failed quota: q: must specify limits.memory for: c; requests.cpu for: c');
    const res = { resources: { requests: { cpu: '600m' }, limits: { memory: '512Mi' } } };
    s.api().create(pod('p1', res));
    expect(s.store.peek('resourcequotas', 'team', 'q')!.status.used).toEqual({ 'limits.memory': '512Mi', pods: '1', 'requests.cpu': '600m' });
    expect(messageOf(() => s.api().create(pod('p2', res)))).toBe(
      'pods "p2" is forbidden: exceeded quota: q, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1',
    );
    s.api().delete(s.registry.forResource('pods', '')!, 'team', 'p1');
    s.settle();
    expect(s.store.peek('resourcequotas', 'team', 'q')!.status.used.pods).toBe('0');
  });

  it('counts objects with count/<resource>', () => {
    const s = server();
    s.api().create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'objs', namespace: 'team' }, spec: { hard: { configmaps: '2' } } });
    s.settle();
    // kube-root-ca.crt already counts.
    s.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'team' } });
    expect(messageOf(() => s.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'two', namespace: 'team' } }))).toBe(
      'configmaps "two" is forbidden: exceeded quota: objs, requested: configmaps=1, used: configmaps=2, limited: configmaps=2',
    );
  });
});

describe('PodSecurity', () => {
  const label = (s: ReturnType<typeof server>, labels: Record<string, string>) => {
    const ns = s.api().get(s.registry.forResource('namespaces', '')!, '', 'team');
    return s.store.update({ ...ns, metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, ...labels } } });
  };

  it('enforces restricted with the real violation message', () => {
    const s = server();
    label(s, { 'pod-security.kubernetes.io/enforce': 'restricted' });
    expect(messageOf(() => s.api().create(pod('x')))).toBe(
      'pods "x" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    const ok = s.api().create(
      pod('ok', { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }, { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } }),
    );
    expect(ok.metadata.name).toBe('ok');
  });

  it('enforces baseline and warns for templates and existing pods', () => {
    const s = server();
    s.api().create(pod('priv', { securityContext: { privileged: true } }, { hostNetwork: true }));
    const r = label(s, { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.32' });
    expect(r.warnings).toEqual([
      'existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:v1.32"',
      'priv: host namespaces, privileged',
    ]);
    expect(messageOf(() => s.api().create(pod('p2', { securityContext: { privileged: true } })))).toBe(
      'pods "p2" is forbidden: violates PodSecurity "baseline:v1.32": privileged (container "c" must not set securityContext.privileged=true)',
    );
    label(s, { 'pod-security.kubernetes.io/warn': 'restricted' });
    const d = s.store.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'team' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    expect(d.warnings).toEqual([
      'would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ]);
  });
});

describe('warnings reach the client', () => {
  it('ApiClient.takeWarnings returns what the server warned about', () => {
    const s = server();
    const ns = s.api().get(s.registry.forResource('namespaces', '')!, '', 'team');
    const api = s.api();
    api.update({ ...ns, metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, 'pod-security.kubernetes.io/warn': 'baseline' } } });
    expect(api.takeWarnings()).toEqual([]);
    api.create(pod('p', { securityContext: { privileged: true } }));
    expect(api.takeWarnings()).toEqual(['would violate PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)']);
    expect(api.takeWarnings()).toEqual([]);
  });
});
