import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../session/session';
import { replay } from '../session/replay';

const START = Date.UTC(2026, 0, 5, 9);

/** kubernetes.io "Configure a Pod to Use a PersistentVolume for Storage", pinned to node01. */
const PV_PVC_POD = `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: task-pv-pod
spec:
  nodeSelector:
    kubernetes.io/hostname: node01
  volumes:
    - name: task-pv-storage
      persistentVolumeClaim:
        claimName: task-pv-claim
  containers:
    - name: task-pv-container
      image: nginx
      volumeMounts:
        - mountPath: "/usr/share/nginx/html"
          name: task-pv-storage
EOF`;

async function ok(s: Session, line: string): Promise<string> {
  const r = await s.run(line);
  expect(r.stderr, line).toBe('');
  expect(r.exitCode, line).toBe(0);
  return r.stdout;
}

describe('one filesystem per node: node shell and hostPath volumes', () => {
  it('the system pods mount their hostPaths on the booting nodes without a FailedMount, and the shells see them', async () => {
    const s = await createSession({ seed: 8, startMs: START });
    expect((await s.run('kubectl get events -A --field-selector reason=FailedMount')).stderr).toBe('No resources found\n');
    // kube-proxy's FileOrCreate /run/xtables.lock and flannel's /run/flannel, /opt/cni/bin, on every node.
    expect(await ok(s, 'ls /run')).toBe('flannel\nxtables.lock\n');
    expect(await ok(s, 'ssh node02 ls /opt/cni')).toBe('bin\n');
  });

  it('the docs task: a file made over ssh is served by the pod, and the pod\'s writes show on the node', async () => {
    const s = await createSession({ seed: 3, startMs: START });
    await ok(s, 'ssh node01');
    await ok(s, 'sudo mkdir /mnt/data');
    await ok(s, `sudo sh -c "echo 'Hello from Kubernetes storage' > /mnt/data/index.html"`);
    await ok(s, 'exit');
    expect(await ok(s, PV_PVC_POD)).toBe('persistentvolume/task-pv-volume created\npersistentvolumeclaim/task-pv-claim created\npod/task-pv-pod created\n');
    await ok(s, 'kubectl wait --for=condition=Ready pod/task-pv-pod --timeout=60s');
    expect(await ok(s, 'kubectl exec task-pv-pod -- curl -s localhost')).toBe('Hello from Kubernetes storage\n');
    expect(await ok(s, 'kubectl exec task-pv-pod -- cat /usr/share/nginx/html/index.html')).toBe('Hello from Kubernetes storage\n');
    await ok(s, 'kubectl exec task-pv-pod -- sh -c "echo from-pod > /usr/share/nginx/html/x"');
    expect(await ok(s, 'ssh node01 cat /mnt/data/x')).toBe('from-pod\n');
    // The control plane's /mnt is another machine's.
    expect((await s.run('ls /mnt')).stdout).toBe('');
    // The pod's exec shell writes go to the node too.
    const again = await replay(s.transcript());
    expect(again.stateHash()).toBe(s.stateHash());
  });

  it('a pod writing a hostPath before anyone ssh\'ed to its node: the node\'s files are in the state hash', async () => {
    const run = async (text: string) => {
      const s = await createSession({ seed: 5, startMs: START });
      await ok(s, `kubectl run w --image=busybox --overrides='{"spec":{"nodeName":"node02","volumes":[{"name":"h","hostPath":{"path":"/var/log/w","type":"DirectoryOrCreate"}}],"containers":[{"name":"w","image":"busybox","command":["sh","-c","echo ${text} > /h/out; sleep 3600"],"volumeMounts":[{"name":"h","mountPath":"/h"}]}]}}'`);
      await ok(s, 'kubectl wait --for=condition=Ready pod/w --timeout=60s');
      return s;
    };
    const a = await run('one');
    const b = await run('two');
    expect(a.env.nodeShells.get('node02')?.fs.readSync('/var/log/w/out')).toBe('one\n');
    expect(a.stateHash()).not.toBe(b.stateHash());
    expect(await ok(a, 'ssh node02 cat /var/log/w/out')).toBe('one\n');
    // The node shell built for the mount has the node's layout (kubelet config, hostname).
    expect(await ok(a, 'ssh node02 cat /etc/hostname')).toBe('node02\n');
    expect((await replay(a.transcript())).stateHash()).toBe(a.stateHash());
  });

  it('a Directory hostPath missing on the node: FailedMount with the kubelet message, then it mounts once the directory exists', async () => {
    const s = await createSession({ seed: 4, startMs: START });
    await ok(s, `kubectl run d --image=nginx --overrides='{"spec":{"nodeName":"node01","volumes":[{"name":"web","hostPath":{"path":"/srv/web","type":"Directory"}}],"containers":[{"name":"d","image":"nginx","volumeMounts":[{"name":"web","mountPath":"/usr/share/nginx/html"}]}]}}'`);
    await s.run('sleep 5');
    expect(await ok(s, 'kubectl get events --field-selector involvedObject.name=d,reason=FailedMount -o jsonpath={.items[0].message}')).toBe('MountVolume.SetUp failed for volume "web" : hostPath type check failed: /srv/web is not a directory');
    await ok(s, 'ssh node01 "mkdir -p /srv/web && echo hi > /srv/web/index.html"');
    await ok(s, 'kubectl wait --for=condition=Ready pod/d --timeout=180s');
    expect(await ok(s, 'kubectl exec d -- cat /usr/share/nginx/html/index.html')).toBe('hi\n');
  });

  it('local-path provisioner: the volume is a directory under /opt/local-path-provisioner on the chosen node, removed with the claim', async () => {
    const s = await createSession({ seed: 6, startMs: START });
    await ok(s, `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  nodeSelector:
    kubernetes.io/hostname: node01
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: data
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo persisted > /data/file; sleep 3600"]
    volumeMounts:
    - name: d
      mountPath: /data
EOF`);
    await ok(s, 'kubectl wait --for=condition=Ready pod/writer --timeout=60s');
    const pv = await ok(s, 'kubectl get pvc data -o jsonpath={.spec.volumeName}');
    const dir = `/opt/local-path-provisioner/${pv}_default_data`;
    expect(await ok(s, 'kubectl get pv -o jsonpath={.items[0].spec.hostPath.path}')).toBe(dir);
    expect(await ok(s, 'ssh node01 ls /opt/local-path-provisioner')).toBe(`${pv}_default_data\n`);
    expect(await ok(s, `ssh node01 cat ${dir}/file`)).toBe('persisted\n');
    await ok(s, 'kubectl delete pod writer --grace-period=0 --force 2>/dev/null; kubectl delete pvc data');
    await s.run('sleep 5');
    expect(await ok(s, 'ssh node01 ls /opt/local-path-provisioner')).toBe('');
  });
});
