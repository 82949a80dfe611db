import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import type { KubeObject } from '../../api/types';

/** Recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenarios "policy rbac and quotas" and "storage"). */
const objs = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
  { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'nbe', namespace: 'team' }, spec: { hard: { pods: '5' }, scopes: ['NotBestEffort'] }, status: { hard: { pods: '5' }, used: { pods: '1' } } },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' }, persistentVolumeReclaimPolicy: 'Retain' }, status: { phase: 'Available' } },
  {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'team' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }] },
    status: { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0, averageValue: '0m' } } },
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '2048Ki' } } }] },
  },
] as unknown as KubeObject[];

describe('describe: quota scopes, HPA quantities, PV hostPath type', () => {
  it('prints upstream texts', async () => {
    const h = new FakeHost();
    seedObjects(h.cluster, objs);
    expect((await h.run('describe quota nbe -n team')).stdout).toBe(`Name:       nbe
Namespace:  team
Scopes:     NotBestEffort
 * Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.
Resource  Used  Hard
--------  ----  ----
pods      1     5
`);
    expect((await h.run('describe ns team')).stdout).toContain(`  Name:    nbe
  Scopes:  NotBestEffort
  * Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.
`);
    const hpa = (await h.run('describe hpa web -n team')).stdout;
    expect(hpa).toContain('  resource cpu on pods  (as a percentage of request):  0% (0) / 60%\n');
    expect(hpa).toContain('  resource memory on pods:                             2Mi / 100Mi\n');
    expect((await h.run('describe pv pv')).stdout).toContain('    HostPathType:  <none>\n');
  });
});
