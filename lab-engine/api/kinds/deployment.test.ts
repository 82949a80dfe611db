import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';

const deploy = (spec: object, name = 'web'): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec });

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status.message;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } };

describe('Deployment (SetDefaults_Deployment, ValidateDeployment)', () => {
  it('fills the spec exactly as the §7.3 recording shows', () => {
    const s = newApiServer();
    const d = s.api().create(deploy({ replicas: 2, selector: { matchLabels: { app: 'web' } }, template }));
    // kubectl-fidelity.md §7.3 `kubectl get deployment web -o yaml`, spec section.
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              name: 'nginx',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(d.metadata.generation).toBe(1);
  });

  it('rejects a selector that does not match the template labels', () => {
    const s = newApiServer();
    expect(messageOf(() => s.api().create(deploy({ selector: { matchLabels: { app: 'api' } }, template })))).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('requires a selector and restartPolicy Always', () => {
    const s = newApiServer();
    const t = { ...template, spec: { ...template.spec, restartPolicy: 'Never' } };
    expect(messageOf(() => s.api().create(deploy({ template: t })))).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]',
    );
  });

  it('keeps the selector immutable', () => {
    const s = newApiServer();
    const d = s.api().create(deploy({ selector: { matchLabels: { app: 'web' } }, template }));
    d.spec.selector = { matchLabels: { app: 'web', tier: 'fe' } };
    d.spec.template.metadata.labels.tier = 'fe';
    expect(messageOf(() => s.api().update(d))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('validates the rolling update parameters', () => {
    const s = newApiServer();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } };
    expect(messageOf(() => s.api().create(deploy({ selector: { matchLabels: { app: 'web' } }, template, strategy })))).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    );
  });
});

describe('ReplicaSet', () => {
  it('defaults replicas and the template', () => {
    const s = newApiServer();
    const rs = s.api().create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.template.spec.restartPolicy).toBe('Always');
    expect(rs.spec.template.metadata.creationTimestamp).toBeNull();
  });
});
