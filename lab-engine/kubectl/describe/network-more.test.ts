import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import type { KubeObject } from '../../api/types';

/** Layouts recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenario "services and ingress"). */
const objs = [
  {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: 'web-j44zm', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    ports: [{ port: 80, protocol: 'TCP' }],
    endpoints: [{ addresses: ['10.244.1.3'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node01', targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1' } }],
  },
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
    spec: { controller: 'k8s.io/ingress-nginx' },
  },
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'range', namespace: 'default', creationTimestamp: '2026-01-05T09:01:02Z' },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 9000, endPort: 9100, protocol: 'TCP' }] }] },
  },
] as unknown as KubeObject[];

describe('describe EndpointSlice, IngressClass, NetworkPolicy port ranges', () => {
  it('prints upstream layouts', async () => {
    const h = new FakeHost();
    seedObjects(h.cluster, objs);
    expect((await h.run('describe endpointslice web-j44zm')).stdout).toBe(`Name:         web-j44zm
Namespace:    default
Labels:       kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  10.244.1.3
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-1
    NodeName:   node01
    Zone:       <unset>
Events:         <none>
`);
    expect((await h.run('describe ingressclass nginx')).stdout).toBe('Name:         nginx\nLabels:       app.kubernetes.io/name=ingress-nginx\nAnnotations:  <none>\nController:   k8s.io/ingress-nginx\nEvents:       <none>\n');
    expect((await h.run('describe netpol range')).stdout).toContain('    To Port Range: 9000-9100/TCP\n');
  });
});
