import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';
import { AUDIT_LOG_PATH, getAuditLog } from './audit-log';

const RESTRICTED_VIOLATIONS =
  'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

const pod = (name: string, container: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'team' },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27', ...container }] },
});

function server(labels: Record<string, string>) {
  const s = newApiServer();
  s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels } });
  s.settle();
  return s;
}

describe('audit log with PodSecurity audit mode', () => {
  it('records pod-security.kubernetes.io/audit-violations and enforce-policy as upstream annotates them', () => {
    const s = server({ 'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.32' });
    const audit = getAuditLog(s.services);
    s.api().create(pod('before')); // auditing off: nothing recorded
    expect(audit.events()).toEqual([]);
    audit.enable();
    s.api().create(pod('web'));
    const [e] = audit.events();
    expect(e).toMatchObject({
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      stage: 'ResponseComplete',
      verb: 'create',
      requestURI: '/api/v1/namespaces/team/pods',
      objectRef: { resource: 'pods', namespace: 'team', name: 'web', apiVersion: 'v1' },
      responseStatus: { metadata: {}, code: 201 },
      annotations: {
        'pod-security.kubernetes.io/audit-violations': `would violate PodSecurity "restricted:latest": ${RESTRICTED_VIOLATIONS}`,
        'pod-security.kubernetes.io/enforce-policy': 'baseline:v1.32',
      },
    });
    expect(e.auditID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(e.requestReceivedTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(AUDIT_LOG_PATH).toBe('/var/log/kubernetes/audit/audit.log');
    expect(audit.text().split('\n')[0]).toBe(JSON.stringify(e));
  });

  it('logs a pod refused by enforce with its 403 Status, and workload templates without enforce-policy', () => {
    const s = server({ 'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/enforce': 'baseline' });
    const audit = getAuditLog(s.services);
    audit.enable();
    expect(() => s.api().create(pod('priv', { securityContext: { privileged: true } }))).toThrow(ApiError);
    s.api().create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'team' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
    });
    const [refused, deploy] = audit.events();
    expect(refused.responseStatus).toEqual({
      metadata: {},
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message: 'pods "priv" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)',
    });
    // Violations in check-ID order, as AggregateCheckResults lists them.
    expect(refused.annotations['pod-security.kubernetes.io/audit-violations']).toMatch(/^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false .*, unrestricted capabilities .*, privileged \(container "c" must not set securityContext.privileged=true\), runAsNonRoot/);
    expect(deploy).toMatchObject({ requestURI: '/apis/apps/v1/namespaces/team/deployments', objectRef: { apiGroup: 'apps', apiVersion: 'v1' }, responseStatus: { code: 201 } });
    expect(deploy.annotations).toEqual({ 'pod-security.kubernetes.io/audit-violations': `would violate PodSecurity "restricted:latest": ${RESTRICTED_VIOLATIONS}` });
  });

  it('a pod refused after PodSecurity (ResourceQuota) is logged as 403', () => {
    const s = server({ 'pod-security.kubernetes.io/audit': 'baseline' });
    s.api().create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'team' }, spec: { hard: { pods: '0' } } });
    s.settle();
    const audit = getAuditLog(s.services);
    audit.enable();
    expect(() => s.api().create(pod('p'))).toThrow(/exceeded quota/);
    expect(audit.events().map((e) => [e.objectRef.name, e.responseStatus.code, e.annotations['pod-security.kubernetes.io/enforce-policy']])).toEqual([['p', 403, 'privileged:latest']]);
  });
});

describe('audit log add-on', () => {
  it("a topology with addons: ['audit-log'] starts with auditing on", async () => {
    const { createCluster } = await import('../../sim/cluster');
    const { TOPOLOGIES } = await import('../../sim/topology');
    const c = createCluster({ seed: 3, topology: { ...TOPOLOGIES['single-node'], addons: ['audit-log'] } });
    c.settle();
    expect(getAuditLog(c.services).enabled).toBe(true);
    expect(getAuditLog(c.services).events().some((e) => e.objectRef.resource === 'pods' && e.annotations['pod-security.kubernetes.io/enforce-policy'] === 'privileged:latest')).toBe(true);
    expect(getAuditLog(createCluster({ seed: 3 }).services).enabled).toBe(false);
  });
});
