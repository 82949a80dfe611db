import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { kubelet, pod } from './testing';

describe('the default cluster through the kubelets', () => {
  it('runs every system pod, and a busybox pod reaches nginx through a Service', () => {
    const c = createCluster({ seed: 5 });
    c.settle();
    const notRunning = c.store.peekList('pods').filter((p) => p.status?.phase !== 'Running').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(notRunning).toEqual([]);
    const api = c.api();
    api.create(pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }, { labels: { app: 'web' } }));
    api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    api.create(pod('client', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    c.settle();
    const r = kubelet(c).exec('default', 'client', undefined, ['wget', '-qO-', 'http://web']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('<h1>Welcome to nginx!</h1>');
    const clientIP = c.store.peek('pods', 'default', 'client')!.status.podIP;
    expect(kubelet(c).logs('default', 'web', { tailLines: 1 })).toMatch(new RegExp(`^${clientIP.replace(/\./g, '\\.')} - - \\[05/Jan/2026:09:0\\d:\\d\\d \\+0000\\] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"\\n$`));
  });
});
