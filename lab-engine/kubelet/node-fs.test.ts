import { describe, expect, it } from 'vitest';
import { VirtualFs } from '../shell/vfs';
import { ContainerFsImpl, newVolumeDir, populate } from './fs';
import { hostDir, nodeFilesystems, removeTree, setUpHostPath } from './node-fs';
import { containerState, eventsFor, getPod, kubelet, pod, testCluster } from './testing';

const CLOCK = () => Date.UTC(2026, 0, 5, 9);

function nodeFs(): VirtualFs {
  const fs = new VirtualFs({ '/etc/hostname': 'node01\n' });
  fs.useClock(CLOCK);
  return fs;
}

describe('node filesystem as hostPath volumes', () => {
  it('a container writes through a hostPath mount into the node filesystem and reads what the node wrote', () => {
    const fs = nodeFs();
    fs.mkdirSync('/mnt/data', { recursive: true });
    fs.writeFileSync('/mnt/data/index.html', 'Hello from Kubernetes storage\n');
    const cfs = new ContainerFsImpl(newVolumeDir(), [{ path: '/usr/share/nginx/html', dir: hostDir(fs, '/mnt/data'), readOnly: false }]);
    expect(cfs.read('/usr/share/nginx/html/index.html')).toBe('Hello from Kubernetes storage\n');
    expect(cfs.list('/usr/share/nginx/html')).toEqual(['index.html']);
    cfs.mkdir('/usr/share/nginx/html/sub/deeper', { parents: true });
    cfs.write('/usr/share/nginx/html/sub/deeper/x', 'from-pod\n');
    expect(fs.readSync('/mnt/data/sub/deeper/x')).toBe('from-pod\n');
    expect(fs.isDirectorySync('/mnt/data/sub')).toBe(true);
    expect(cfs.stat('/usr/share/nginx/html/sub')).toMatchObject({ type: 'dir' });
    expect(cfs.stat('/usr/share/nginx/html/index.html')).toMatchObject({ type: 'file', size: 30 });
    cfs.write('/usr/share/nginx/html/index.html', 'more\n', { append: true });
    expect(fs.readSync('/mnt/data/index.html')).toBe('Hello from Kubernetes storage\nmore\n');
    expect(() => cfs.remove('/usr/share/nginx/html/sub')).toThrow(/ENOTEMPTY/);
    cfs.remove('/usr/share/nginx/html/sub', { recursive: true });
    expect(fs.existsSync('/mnt/data/sub')).toBe(false);
    expect(fs.listSync('/mnt/data')).toEqual(['index.html']);
    // Written entries carry the virtual clock, not the wall clock.
    expect(fs.snapshot()).toContainEqual(['/mnt/data/index.html', 'Hello from Kubernetes storage\nmore\n']);
  });

  it('the views answer the Map/Set members populate() and listings use', () => {
    const fs = nodeFs();
    fs.mkdirSync('/srv/v', { recursive: true });
    const dir = hostDir(fs, '/srv/v');
    populate(dir, { 'a/b.txt': 'b', 'c.txt': 'c' });
    expect([...dir.files.keys()].sort()).toEqual(['a/b.txt', 'c.txt']);
    expect([...dir.dirs].sort()).toEqual(['', 'a']);
    expect(dir.files.size).toBe(2);
    expect(Object.fromEntries(dir.files)).toEqual({ 'a/b.txt': 'b', 'c.txt': 'c' });
    expect(dir.files.delete('c.txt')).toBe(true);
    expect(dir.files.delete('c.txt')).toBe(false);
    expect(fs.existsSync('/srv/v/c.txt')).toBe(false);
    // The root directory view is '/'-relative too.
    expect(hostDir(fs, '/').files.get('etc/hostname')).toBe('node01\n');
  });

  it('checks hostPath types as pkg/volume/hostpath does', () => {
    const fs = nodeFs();
    expect(setUpHostPath(fs, { path: '/mnt/data', type: 'Directory' })).toEqual({ error: 'hostPath type check failed: /mnt/data is not a directory' });
    expect(setUpHostPath(fs, { path: '/mnt/file', type: 'File' })).toEqual({ error: 'hostPath type check failed: /mnt/file is not a file' });
    expect(setUpHostPath(fs, { path: '/etc/hostname', type: 'DirectoryOrCreate' })).toEqual({ error: 'hostPath type check failed: /etc/hostname is not a directory' });
    expect(setUpHostPath(fs, { path: '/etc', type: 'FileOrCreate' })).toEqual({ error: 'hostPath type check failed: /etc is not a file' });
    expect(setUpHostPath(fs, { path: '/var/run/docker.sock', type: 'Socket' })).toEqual({ error: 'hostPath type check failed: /var/run/docker.sock is not a socket file' });
    expect(setUpHostPath(fs, { path: '/dev/sda', type: 'BlockDevice' })).toEqual({ error: 'hostPath type check failed: /dev/sda is not a block device' });
    expect(setUpHostPath(fs, { path: '/x', type: 'Dir' })).toEqual({ error: 'hostPath type check failed: /x is an invalid volume type' });
    expect(setUpHostPath(fs, { path: '/nope/k.conf', type: 'FileOrCreate' })).toEqual({ error: 'open /nope/k.conf: no such file or directory' });
    // DirectoryOrCreate and no type make the directory (MkdirAll; containerd for an unset type).
    expect('dir' in setUpHostPath(fs, { path: '/var/lib/app/data', type: 'DirectoryOrCreate' })).toBe(true);
    expect(fs.isDirectorySync('/var/lib/app/data')).toBe(true);
    expect('dir' in setUpHostPath(fs, { path: '/data' })).toBe(true);
    expect(fs.isDirectorySync('/data')).toBe(true);
    // An unset type on an existing file mounts the file.
    const file = setUpHostPath(fs, { path: '/etc/hostname' });
    expect(file).toMatchObject({ subPath: 'hostname' });
    // FileOrCreate makes an empty file in an existing directory.
    expect(setUpHostPath(fs, { path: '/etc/app.conf', type: 'FileOrCreate' })).toMatchObject({ subPath: 'app.conf' });
    expect(fs.readSync('/etc/app.conf')).toBe('');
    expect(setUpHostPath(fs, { path: '/var/lib/app/data', type: 'Directory' })).toHaveProperty('dir');
  });

  it('removeTree removes a directory and everything under it', () => {
    const fs = nodeFs();
    fs.mkdirSync('/opt/local-path-provisioner/pvc-1/a', { recursive: true });
    fs.writeFileSync('/opt/local-path-provisioner/pvc-1/a/f', 'x');
    removeTree(fs, '/opt/local-path-provisioner/pvc-1');
    expect(fs.existsSync('/opt/local-path-provisioner/pvc-1')).toBe(false);
    expect(fs.isDirectorySync('/opt/local-path-provisioner')).toBe(true);
  });
});

describe('the kubelet mounts hostPath from the node filesystem', () => {
  const hostPathPod = (type: string, nodeName = 'node01') =>
    pod('hp', {
      nodeName,
      containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'cat /data/in; echo from-pod > /data/out; sleep 3600'], volumeMounts: [{ name: 'x', mountPath: '/data' }] }],
      volumes: [{ name: 'x', hostPath: { path: '/mnt/data', type } }],
    });

  it('a Directory hostPath that does not exist is FailedMount with the kubelet message until the node has it', () => {
    const c = testCluster();
    c.api().create(hostPathPod('Directory'));
    c.settle();
    expect(eventsFor(c, 'hp')).toContain('Warning FailedMount MountVolume.SetUp failed for volume "x" : hostPath type check failed: /mnt/data is not a directory');
    expect(containerState(getPod(c, 'hp'))).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const node01 = nodeFilesystems(c.services, () => c.clock.nowMs()).get('node01');
    node01.mkdirSync('/mnt/data', { recursive: true });
    node01.writeFileSync('/mnt/data/in', 'from-node\n');
    c.advance(130_000);
    expect(getPod(c, 'hp').status.containerStatuses[0].state.running).toBeDefined();
    expect(kubelet(c).logs('default', 'hp', {})).toBe('from-node\n');
    expect(node01.readSync('/mnt/data/out')).toBe('from-pod\n');
    // Another node has its own filesystem.
    expect(nodeFilesystems(c.services, () => c.clock.nowMs()).get('node02').existsSync('/mnt/data')).toBe(false);
  });

  it('DirectoryOrCreate makes the directory on the pod\'s node; pods on that node share it', () => {
    const c = testCluster();
    c.api().create(hostPathPod('DirectoryOrCreate'));
    c.settle();
    const node01 = nodeFilesystems(c.services, () => c.clock.nowMs()).get('node01');
    expect(node01.isDirectorySync('/mnt/data')).toBe(true);
    expect(node01.readSync('/mnt/data/out')).toBe('from-pod\n');
    expect(kubelet(c).containerFs('default', 'hp').read('/data/out')).toBe('from-pod\n');
  });
});
