import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';

const pod = (spec: object, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('Pod defaults (SetDefaults_Pod + PodSpec, kubectl-fidelity §5.2)', () => {
  it('fills the PodSpec and container defaults and the initial status', () => {
    const s = newApiServer();
    const p = s.api().create(pod({ containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] }));
    expect(p.spec.containers[0]).toEqual({
      image: 'nginx:1.25',
      imagePullPolicy: 'IfNotPresent',
      name: 'nginx',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: p.spec.volumes[0].name, readOnly: true }],
    });
    const { containers: _c, volumes: _v, ...rest } = p.spec;
    expect(rest).toEqual({
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    });
    expect(p.spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(p.metadata.generation).toBeUndefined();
  });

  it('chooses imagePullPolicy from the tag like parsers.ParseImageName', () => {
    const s = newApiServer();
    const images: [string, string][] = [
      ['nginx', 'Always'],
      ['nginx:latest', 'Always'],
      ['nginx:1.27', 'IfNotPresent'],
      ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
      ['localhost:5000/app', 'Always'],
      ['nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'IfNotPresent'],
    ];
    images.forEach(([image, want], i) => {
      const p = s.api().create(pod({ containers: [{ name: 'c', image }] }, `p${i}`));
      expect([image, p.spec.containers[0].imagePullPolicy]).toEqual([image, want]);
    });
  });

  it('computes qosClass and copies limits to missing requests', () => {
    const s = newApiServer();
    const g = s.api().create(pod({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }, 'g'));
    expect(g.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect(g.status.qosClass).toBe('Guaranteed');
    const b = s.api().create(pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' } } }] }, 'b'));
    expect(b.status.qosClass).toBe('Burstable');
  });

  it('defaults probes, volumes and env sources', () => {
    const s = newApiServer();
    const p = s.api().create(
      pod({
        containers: [
          {
            name: 'c',
            image: 'nginx',
            livenessProbe: { httpGet: { port: 80 } },
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            volumeMounts: [{ name: 'cfg', mountPath: '/cfg' }],
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'scratch' }, { name: 'h', hostPath: { path: '/tmp' } }],
        automountServiceAccountToken: false,
      }),
    );
    expect(p.spec.containers[0].livenessProbe).toEqual({
      failureThreshold: 3,
      httpGet: { path: '/', port: 80, scheme: 'HTTP' },
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(p.spec.containers[0].env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.namespace' });
    expect(p.spec.volumes).toEqual([
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'scratch', emptyDir: {} },
      { name: 'h', hostPath: { path: '/tmp', type: '' } },
    ]);
  });
});

describe('Pod validation (ValidatePod, messages as kube-apiserver prints them)', () => {
  it('reports required fields, bad names, duplicates and port ranges', () => {
    const s = newApiServer();
    const e = errorOf(() =>
      s.api().create(
        pod({
          containers: [
            { name: 'Web', image: 'nginx', ports: [{ containerPort: 70000 }] },
            { name: 'side', image: '' },
            { name: 'side', image: 'busybox' },
          ],
        }),
      ),
    );
    expect(e.code).toBe(422);
    expect(e.status.message).toBe(
      'Pod "web" is invalid: [spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\'), spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[1].image: Required value, spec.containers[2].name: Duplicate value: "side"]',
    );
  });

  it('rejects a pod without containers and an unsupported restartPolicy', () => {
    const s = newApiServer();
    const e = errorOf(() => s.api().create(pod({ restartPolicy: 'Sometimes', containers: [] })));
    expect(e.status.message).toBe(
      'Pod "web" is invalid: [spec.containers: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
  });

  it('allows image updates and forbids other spec changes with the real message', () => {
    const s = newApiServer();
    const p = s.api().create(pod({ containers: [{ name: 'c', image: 'nginx:1.25' }] }));
    p.spec.containers[0].image = 'nginx:1.27';
    const u = s.api().update(p);
    expect(u.spec.containers[0].image).toBe('nginx:1.27');
    u.spec.containers[0].ports = [{ containerPort: 80 }];
    const e = errorOf(() => s.api().update(u));
    expect(e.status.message).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });
});

describe('Pod graceful deletion (podStrategy.CheckGracefulDelete)', () => {
  it('deletes unscheduled pods at once and keeps scheduled ones for the grace period', () => {
    const s = newApiServer();
    const def = s.registry.forResource('pods', '')!;
    s.api().create(pod({ containers: [{ name: 'c', image: 'nginx' }] }, 'pending'));
    expect(s.api().delete(def, 'default', 'pending').deleted).toBe(true);
    s.api().create(pod({ nodeName: 'node01', containers: [{ name: 'c', image: 'nginx' }] }, 'running'));
    const r = s.api().delete(def, 'default', 'running');
    expect(r.deleted).toBe(false);
    expect(r.object.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(r.object.metadata.deletionTimestamp).toBe('2026-01-05T09:00:30Z');
    expect(s.api().delete(def, 'default', 'running', { gracePeriodSeconds: 0 }).deleted).toBe(true);
  });
});
