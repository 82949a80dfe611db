import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import type { KubeObject } from '../../api/types';

/** Environment lines of describe pod, recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenario "pod states"). */
describe('describe pod: environment values', () => {
  it('resolves only metadata.name/namespace field refs and divides resource refs, rounding up', async () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'x' } },
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '200m', memory: '128Mi' }, requests: { cpu: '100m' } }, env: [
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'APP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
        { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
        { name: 'CPU_REQ_MILLIS', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
        { name: 'MEM_LIMIT_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '0' } } },
      ] }] },
      status: { podIP: '10.244.1.5' },
    } as unknown as KubeObject;
    const h = new FakeHost();
    seedObjects(h.cluster, [pod]);
    const out = (await h.run('describe pod p')).stdout;
    expect(out).toContain(`    Environment:
      POD_IP:           (v1:status.podIP)
      POD_NAME:        p (v1:metadata.name)
      APP:              (v1:metadata.labels['app'])
      CPU_LIMIT:       1 (limits.cpu)
      CPU_REQ_MILLIS:  100 (requests.cpu)
      MEM_LIMIT_MI:    128 (limits.memory)
      MEM_REQ:         0 (requests.memory)
`);
  });
});
