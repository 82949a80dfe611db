import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import type { KubeObject } from '../../api/types';

// Layouts ported from describe.go (no real-kubectl recording exists for these kinds yet).
const objs: KubeObject[] = [
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'default', creationTimestamp: '2026-01-05T09:01:02Z' },
    spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { role: 'fe' } } }, { namespaceSelector: { matchLabels: { team: 'a' } } }], ports: [{ port: 80, protocol: 'TCP' }] }] },
  },
  { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { pods: '10' } }, status: { hard: { pods: '10', configmaps: '5' }, used: { pods: '1', configmaps: '1' } } },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } }, status: { disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 } },
];

describe('describe for policy and network kinds', () => {
  it('NetworkPolicy, ResourceQuota, PodDisruptionBudget', async () => {
    const h = new FakeHost();
    seedObjects(h.cluster, objs);
    expect((await h.run('kubectl describe netpol np')).stdout).toBe(`Name:         np
Namespace:    default
Created on:   2026-01-05 09:01:02 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     app=web
  Allowing ingress traffic:
    To Port: 80/TCP
    From:
      PodSelector: role=fe
    From:
      NamespaceSelector: team=a
  Allowing egress traffic:
    <none> (Selected pods are isolated for egress connectivity)
  Policy Types: Ingress, Egress
`);
    expect((await h.run('kubectl describe quota q')).stdout).toBe('Name:       q\nNamespace:  default\nResource    Used  Hard\n--------    ----  ----\nconfigmaps  1     5\npods        1     10\n');
    expect((await h.run('kubectl describe pdb pdb')).stdout).toBe(`Name:           pdb
Namespace:      default
Min available:  1
Selector:       app=web
Status:
    Allowed disruptions:  1
    Current:              2
    Desired:              1
    Total:                2
Events:                   <none>
`);
  });
});
