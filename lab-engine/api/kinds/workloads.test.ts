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

const podTemplate = (labels: Record<string, string> | undefined, restartPolicy?: string) => ({
  metadata: labels ? { labels } : {},
  spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'c', image: 'busybox:1.36' }] },
});

describe('Job (SetDefaults_Job + generateSelector, §5.5)', () => {
  it('defaults and generates the controller-uid selector and labels', () => {
    const s = newApiServer();
    const j = s.api().create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { template: podTemplate(undefined, 'Never') } });
    const uid = j.metadata.uid!;
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(j.metadata.labels).toEqual(labels);
    const { template, ...rest } = j.spec;
    expect(rest).toEqual({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      suspend: false,
    });
    expect(template.metadata).toEqual({ creationTimestamp: null, labels });
  });

  it('rejects restartPolicy Always (the PodSpec default)', () => {
    const s = newApiServer();
    expect(messageOf(() => s.api().create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { template: podTemplate(undefined) } }))).toBe(
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
  });
});

describe('CronJob', () => {
  const cj = (schedule: string): KubeObject => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'tick', namespace: 'default' },
    spec: { schedule, jobTemplate: { metadata: { name: 'tick' }, spec: { template: podTemplate(undefined, 'OnFailure') } } },
  });
  it('defaults policies and history limits', () => {
    const s = newApiServer();
    const c = s.api().create(cj('*/1 * * * *'));
    expect([c.spec.concurrencyPolicy, c.spec.suspend, c.spec.successfulJobsHistoryLimit, c.spec.failedJobsHistoryLimit]).toEqual(['Allow', false, 3, 1]);
    expect(c.spec.jobTemplate.metadata).toEqual({ creationTimestamp: null, name: 'tick' });
    expect(c.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
  });
  it('validates the schedule with robfig/cron errors', () => {
    const s = newApiServer();
    expect(messageOf(() => s.api().create(cj('bad')))).toBe('CronJob.batch "tick" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]');
    expect(messageOf(() => s.api().create(cj('0-70 * * * *')))).toBe(
      'CronJob.batch "tick" is invalid: spec.schedule: Invalid value: "0-70 * * * *": end of range (70) above maximum (59): 0-70',
    );
    expect(s.api().create(cj('@hourly')).spec.schedule).toBe('@hourly');
  });
});

describe('StatefulSet and DaemonSet defaults (§5.3)', () => {
  it('StatefulSet', () => {
    const s = newApiServer();
    const st = s.api().create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: podTemplate({ app: 'db' }), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
    });
    expect(st.spec.podManagementPolicy).toBe('OrderedReady');
    expect(st.spec.updateStrategy).toEqual({ rollingUpdate: { partition: 0 }, type: 'RollingUpdate' });
    expect(st.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect([st.spec.replicas, st.spec.revisionHistoryLimit]).toEqual([1, 10]);
    expect(st.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { creationTimestamp: null, name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    st.spec.serviceName = 'other';
    expect(messageOf(() => s.api().update(st))).toBe(
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });
  it('DaemonSet', () => {
    const s = newApiServer();
    const ds = s.api().create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: podTemplate({ app: 'agent' }) } });
    expect(ds.spec.updateStrategy).toEqual({ rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
  });
});

describe('ConfigMap and Secret', () => {
  it('Secret: Opaque default, stringData merged, base64 checked, immutable', () => {
    const s = newApiServer();
    const sec = s.api().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, stringData: { password: 's3cr3t' } });
    expect(sec.type).toBe('Opaque');
    expect(sec.data).toEqual({ password: 'czNjcjN0' });
    expect(sec.stringData).toBeUndefined();
    expect(messageOf(() => s.api().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: 'default' }, data: { a: 'hello' } }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
    const im = s.api().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'im', namespace: 'default' }, data: { a: 'YQ==' }, immutable: true });
    expect(messageOf(() => s.api().update({ ...im, data: { a: 'Yg==' } }))).toBe('Secret "im" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(messageOf(() => s.api().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'default' }, type: 'kubernetes.io/tls', data: {} }))).toBe(
      'Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    );
  });
  it('ConfigMap key validation', () => {
    const s = newApiServer();
    expect(messageOf(() => s.api().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { 'a b': '1' } }))).toBe(
      "ConfigMap \"c\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  });
});

describe('PriorityClass and Priority admission', () => {
  it('resolves priorityClassName and rejects unknown classes', () => {
    const s = newApiServer();
    s.api().create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    const pod = (pc: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${pc}`, namespace: 'default' }, spec: { priorityClassName: pc, containers: [{ name: 'c', image: 'nginx' }] } });
    const p = s.api().create(pod('high'));
    expect([p.spec.priority, p.spec.preemptionPolicy]).toEqual([1000, 'PreemptLowerPriority']);
    expect(s.api().create(pod('system-node-critical')).spec.priority).toBe(2000001000);
    expect(messageOf(() => s.api().create(pod('nope')))).toBe('pods "p-nope" is forbidden: no PriorityClass with name nope was found');
    expect(messageOf(() => s.api().create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'huge' }, value: 2000000000 }))).toBe(
      'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
  });
});
