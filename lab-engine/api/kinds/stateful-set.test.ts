import { describe, expect, it } from 'vitest';
import { FakeHost } from '../../kubectl/testing/fake-host';

describe('StatefulSet validation', () => {
  it('accepts volume mounts that name a volumeClaimTemplate (the canonical example)', async () => {
    const h = new FakeHost();
    h.files.set('/root/sts.yaml', `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: redis
        image: redis:7
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`);
    expect(await h.run('apply -f sts.yaml')).toEqual({ stdout: 'statefulset.apps/db created\n', stderr: '', code: 0 });
  });

  it('still refuses a mount of an unknown volume', async () => {
    const h = new FakeHost();
    h.files.set('/root/sts.yaml', `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - {name: redis, image: redis:7, volumeMounts: [{name: nope, mountPath: /data}]}
`);
    const r = await h.run('apply -f sts.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('volumeMounts[0].name: Not found: "nope"');
  });
});
