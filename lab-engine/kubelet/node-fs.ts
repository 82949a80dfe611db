import type { KubeObject } from '../api/types';
import { VirtualFs } from '../shell/vfs';
import { NODE_DIRS } from '../shell/node-files';
import type { VolumeDir, VolumePlugin } from './types';

/**
 * One filesystem per node, shared by the node's shell (`ssh node01`, the
 * learner's controlplane shell) and the kubelet's hostPath volumes (and the
 * hostPath PVs the local-path provisioner makes under
 * /opt/local-path-provisioner). It is the node shell's VirtualFs: the session
 * registers a factory that builds the node's shell, so a pod's hostPath
 * mount on node01 before anyone ssh'ed there builds node01's shell, and its
 * files enter the session state hash like every shell's. Without a session
 * (kubelet tests, the bare cluster) a node gets a bare VirtualFs, which the
 * node shell adopts (VirtualFs.seed) when it is built later.
 */
export const NODE_FS_SERVICE = 'kubelet/node-fs';

export class NodeFilesystems {
  private readonly byNode = new Map<string, VirtualFs>();
  private factory?: (node: string) => VirtualFs;

  constructor(private readonly nowMs: () => number) {}

  /** The node's filesystem, made on first use (by the session's factory when one is registered). */
  get(node: string): VirtualFs {
    let fs = this.byNode.get(node);
    // A bare filesystem made before the session (system pods' hostPaths while the cluster booted)
    // becomes the node shell's on the next use, so what a pod writes there is in the state hash.
    if (fs && !(this.factory && this.bare.delete(node))) return fs;
    if (this.factory) {
      fs = this.factory(node);
      this.byNode.set(node, fs);
      return fs;
    }
    fs = new VirtualFs();
    fs.useClock(this.nowMs);
    for (const d of NODE_DIRS) fs.mkdirSync(d, { recursive: true });
    this.byNode.set(node, fs);
    this.bare.add(node);
    return fs;
  }

  /** Nodes whose filesystem no shell has adopted yet. */
  private readonly bare = new Set<string>();

  /** The node's filesystem if it exists already. */
  peek(node: string): VirtualFs | undefined {
    return this.byNode.get(node);
  }

  /** Installs the filesystem a node shell was built with (session/environment.ts). */
  set(node: string, fs: VirtualFs): void {
    this.bare.delete(node);
    this.byNode.set(node, fs);
  }

  /** How a node's filesystem is made when first asked for (the session builds the node's shell). */
  setFactory(factory: (node: string) => VirtualFs): void {
    this.factory = factory;
  }
}

/** The cluster's node filesystems (made on first use, whichever side asks first). */
export function nodeFilesystems(services: Map<string, unknown>, nowMs: () => number): NodeFilesystems {
  let r = services.get(NODE_FS_SERVICE) as NodeFilesystems | undefined;
  if (!r) services.set(NODE_FS_SERVICE, (r = new NodeFilesystems(nowMs)));
  return r;
}

function join(base: string, rel: string): string {
  if (!rel) return base;
  return base === '/' ? `/${rel}` : `${base}/${rel}`;
}

function relOf(base: string, abs: string): string {
  return abs.slice(base === '/' ? 1 : base.length + 1);
}

/**
 * The files of a directory of the node as a VolumeDir's `files` map (relative
 * path → text): reads and writes go to the node's VirtualFs, nothing is
 * copied. Implements the Map members the kubelet's ContainerFsImpl,
 * populate() and the container shell use.
 */
class HostFiles {
  constructor(
    private readonly fs: VirtualFs,
    private readonly base: string,
  ) {}

  get(rel: string): string | undefined {
    const p = join(this.base, rel);
    return this.fs.typeSync(p) === 'file' ? this.fs.readSync(p) : undefined;
  }

  has(rel: string): boolean {
    return this.fs.typeSync(join(this.base, rel)) === 'file';
  }

  set(rel: string, content: string): this {
    this.fs.writeFileSync(join(this.base, rel), content);
    return this;
  }

  delete(rel: string): boolean {
    const p = join(this.base, rel);
    return this.fs.typeSync(p) === 'file' && this.fs.removeEntrySync(p);
  }

  clear(): void {
    for (const k of [...this.keys()]) this.delete(k);
  }

  get size(): number {
    let n = 0;
    for (const _ of this.keys()) n++;
    return n;
  }

  *keys(): Generator<string> {
    for (const [p, t] of this.fs.entriesUnder(this.base)) if (t === 'file') yield relOf(this.base, p);
  }

  *values(): Generator<string> {
    for (const k of this.keys()) yield this.get(k) ?? '';
  }

  *entries(): Generator<[string, string]> {
    for (const k of this.keys()) yield [k, this.get(k) ?? ''];
  }

  [Symbol.iterator](): Generator<[string, string]> {
    return this.entries();
  }

  forEach(fn: (value: string, key: string, map: Map<string, string>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this as unknown as Map<string, string>);
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

/** The directories under a node directory as a VolumeDir's `dirs` set ('' is the directory itself). */
class HostDirs {
  constructor(
    private readonly fs: VirtualFs,
    private readonly base: string,
  ) {}

  has(rel: string): boolean {
    return this.fs.typeSync(join(this.base, rel)) === 'directory';
  }

  add(rel: string): this {
    const p = join(this.base, rel);
    if (this.fs.typeSync(p) !== 'directory') this.fs.mkdirSync(p, { recursive: true });
    return this;
  }

  delete(rel: string): boolean {
    const p = join(this.base, rel);
    return this.fs.typeSync(p) === 'directory' && this.fs.removeEntrySync(p);
  }

  clear(): void {
    for (const k of [...this.keys()]) if (k) this.delete(k);
  }

  get size(): number {
    let n = 0;
    for (const _ of this.keys()) n++;
    return n;
  }

  *keys(): Generator<string> {
    if (this.has('')) yield '';
    for (const [p, t] of this.fs.entriesUnder(this.base)) if (t === 'directory') yield relOf(this.base, p);
  }

  values(): Generator<string> {
    return this.keys();
  }

  *entries(): Generator<[string, string]> {
    for (const k of this.keys()) yield [k, k];
  }

  [Symbol.iterator](): Generator<string> {
    return this.keys();
  }

  forEach(fn: (value: string, key: string, set: Set<string>) => void): void {
    for (const k of this.keys()) fn(k, k, this as unknown as Set<string>);
  }

  get [Symbol.toStringTag](): string {
    return 'Set';
  }
}

/** A directory of the node's filesystem as a volume: the container sees (and writes) the node's files. */
export function hostDir(fs: VirtualFs, path: string, readOnly = false): VolumeDir {
  const base = VirtualFs.normalize('/', path);
  return {
    files: new HostFiles(fs, base) as unknown as Map<string, string>,
    dirs: new HostDirs(fs, base) as unknown as Set<string>,
    readOnly,
  };
}

/** The HostPathType values (core/v1 types.go). */
const HOST_PATH_TYPES = new Set(['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice']);

/**
 * hostPath SetUp on a node's filesystem: the type check of
 * pkg/volume/hostpath/host_path.go (v1.32 checkTypeInternal) — DirectoryOrCreate
 * makes the directory (MkdirAll 0755), FileOrCreate an empty file (its parent
 * must exist: os.OpenFile O_CREATE), Directory/File must exist with that type;
 * with no type there is no check and the runtime (containerd) creates a missing
 * path as a directory. A file mounted as a volume is served by the parent
 * directory with the file's name as subPath.
 */
export function setUpHostPath(fs: VirtualFs, source: { path?: string; type?: string }, readOnly = false): { dir: VolumeDir; subPath?: string } | { error: string } {
  const raw = source.path ?? '';
  const type = source.type ?? '';
  if (!HOST_PATH_TYPES.has(type)) return { error: `hostPath type check failed: ${raw} is an invalid volume type` };
  const p = VirtualFs.normalize('/', raw);
  const kind = fs.typeSync(p);
  switch (type) {
    case 'DirectoryOrCreate':
    case '':
      if (kind === undefined) fs.mkdirSync(p, { recursive: true });
      else if (kind !== 'directory' && type) return { error: `hostPath type check failed: ${raw} is not a directory` };
      break;
    case 'Directory':
      if (kind !== 'directory') return { error: `hostPath type check failed: ${raw} is not a directory` };
      break;
    case 'FileOrCreate':
      if (kind === undefined) {
        const parent = p.slice(0, p.lastIndexOf('/')) || '/';
        if (fs.typeSync(parent) !== 'directory') return { error: `open ${raw}: no such file or directory` };
        fs.writeFileSync(p, '');
      } else if (kind !== 'file') return { error: `hostPath type check failed: ${raw} is not a file` };
      break;
    case 'File':
      if (kind !== 'file') return { error: `hostPath type check failed: ${raw} is not a file` };
      break;
    case 'Socket':
      return { error: `hostPath type check failed: ${raw} is not a socket file` };
    case 'CharDevice':
      return { error: `hostPath type check failed: ${raw} is not a character device` };
    case 'BlockDevice':
      return { error: `hostPath type check failed: ${raw} is not a block device` };
  }
  if (fs.typeSync(p) === 'file') {
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    return { dir: hostDir(fs, parent, readOnly), subPath: p.slice(parent === '/' ? 1 : parent.length + 1) };
  }
  return { dir: hostDir(fs, p, readOnly) };
}

/**
 * The kubelet's hostPath volume plugin: the volume is the path on the pod's
 * node's filesystem. Registered by installKubelets.
 */
export function hostPathVolumePlugin(services: Map<string, unknown>, nowMs: () => number): VolumePlugin {
  return {
    source: 'hostPath',
    setUp(pod: KubeObject, volume: KubeObject) {
      const node = pod.spec?.nodeName as string | undefined;
      if (!node) return { error: 'pod is not bound to a node' };
      const r = setUpHostPath(nodeFilesystems(services, nowMs).get(node), volume.hostPath ?? {});
      if ('error' in r) return r;
      return { dir: r.subPath === undefined ? r.dir : fileVolume(r.dir, r.subPath) };
    },
  };
}

/**
 * A single file mounted as a volume (FileOrCreate, e.g. the control plane's
 * kubeconfigs): a VolumeDir whose root '' is that file. ContainerFsImpl reads
 * a mount's own path as `files.get('')`.
 */
export function fileVolume(parent: VolumeDir, name: string): VolumeDir {
  const files = parent.files;
  const view = {
    get: (rel: string) => (rel === '' ? files.get(name) : undefined),
    has: (rel: string) => rel === '' && files.has(name),
    set(rel: string, content: string) {
      if (rel === '') files.set(name, content);
      return view;
    },
    delete: (rel: string) => rel === '' && files.delete(name),
    *keys() {
      if (files.has(name)) yield '';
    },
    *entries() {
      if (files.has(name)) yield ['', files.get(name) ?? ''] as [string, string];
    },
    get size() {
      return files.has(name) ? 1 : 0;
    },
    [Symbol.iterator]() {
      return this.entries();
    },
  };
  return { files: view as unknown as Map<string, string>, dirs: new Set<string>(), readOnly: parent.readOnly };
}

/** rm -rf on a node's filesystem (the entry and everything under it). */
export function removeTree(fs: VirtualFs, path: string): void {
  const under = [...fs.entriesUnder(path)].map(([p]) => p);
  for (const p of under.sort((a, b) => b.length - a.length)) fs.removeEntrySync(p);
  fs.removeEntrySync(path);
}
