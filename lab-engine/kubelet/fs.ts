import { type ContainerFs, FsError, type FsStat, type VolumeDir } from './types';
import { normalizePath } from './process/interpreter';

export function newVolumeDir(readOnly = false): VolumeDir {
  return { files: new Map(), dirs: new Set(['']), readOnly };
}

export interface Mount {
  path: string; // absolute, no trailing slash
  dir: VolumeDir;
  readOnly: boolean;
  /** subPath inside the volume ('' = whole volume). */
  subPath?: string;
}

/**
 * A container's filesystem: the image's root (copy-on-write per container)
 * plus volume mounts, resolved by the longest matching mount path. Volume
 * directories are shared by reference, so two containers mounting the same
 * emptyDir see each other's writes.
 */
export class ContainerFsImpl implements ContainerFs {
  private mounts: Mount[];

  constructor(
    readonly root: VolumeDir,
    mounts: Mount[],
  ) {
    this.mounts = [...mounts].sort((a, b) => b.path.length - a.path.length);
    for (const m of mounts) this.mkdirRoot(m.path);
  }

  private mkdirRoot(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.root.dirs.add(parts.slice(0, i).join('/'));
  }

  /** The volume mounts (path, read-only), shortest path first, for `mount` and `df` in the container. */
  mountPoints(): { path: string; readOnly: boolean }[] {
    return [...this.mounts].reverse().map((m) => ({ path: m.path, readOnly: m.readOnly || !!m.dir.readOnly }));
  }

  /** Which directory tree and relative path serve an absolute path. */
  private resolve(path: string): { dir: VolumeDir; rel: string; readOnly: boolean } {
    const p = normalizePath(path);
    for (const m of this.mounts) {
      if (p === m.path || p.startsWith(`${m.path}/`)) {
        let rel = p.slice(m.path.length).replace(/^\//, '');
        if (m.subPath) rel = rel ? `${m.subPath}/${rel}` : m.subPath;
        return { dir: m.dir, rel, readOnly: m.readOnly || !!m.dir.readOnly };
      }
    }
    return { dir: this.root, rel: p.slice(1), readOnly: false };
  }

  read(path: string): string | undefined {
    const { dir, rel } = this.resolve(path);
    return dir.files.get(rel);
  }

  write(path: string, content: string, opts: { append?: boolean } = {}): void {
    const { dir, rel, readOnly } = this.resolve(path);
    if (readOnly) throw new FsError('EROFS', path);
    if (dir.dirs.has(rel)) throw new FsError('EISDIR', path);
    const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    if (!dir.dirs.has(parent)) throw new FsError('ENOENT', path);
    dir.files.set(rel, opts.append ? (dir.files.get(rel) ?? '') + content : content);
  }

  stat(path: string): FsStat | undefined {
    const { dir, rel, readOnly } = this.resolve(path);
    if (dir.dirs.has(rel)) return { type: 'dir', size: 4096, mode: 0o755, readOnly };
    const f = dir.files.get(rel);
    if (f === undefined) return undefined;
    return { type: 'file', size: utf8Length(f), mode: readOnly ? 0o444 : 0o644, readOnly };
  }

  list(path: string): string[] | undefined {
    const { dir, rel } = this.resolve(path);
    if (!dir.dirs.has(rel)) return undefined;
    const prefix = rel ? `${rel}/` : '';
    const names = new Set<string>();
    for (const k of [...dir.files.keys(), ...dir.dirs]) {
      if (!k || !k.startsWith(prefix) || k === rel) continue;
      names.add(k.slice(prefix.length).split('/')[0]);
    }
    // Mount points directly under this path.
    const abs = normalizePath(path);
    for (const m of this.mounts) {
      const parent = m.path.slice(0, m.path.lastIndexOf('/')) || '/';
      if (parent === abs) names.add(m.path.slice(m.path.lastIndexOf('/') + 1));
    }
    return [...names].sort();
  }

  mkdir(path: string, opts: { parents?: boolean } = {}): void {
    const { dir, rel, readOnly } = this.resolve(path);
    if (readOnly) throw new FsError('EROFS', path);
    if (dir.dirs.has(rel)) {
      if (opts.parents) return;
      throw new FsError('EEXIST', path);
    }
    if (dir.files.has(rel)) throw new FsError('EEXIST', path);
    const parts = rel.split('/');
    const parent = parts.slice(0, -1).join('/');
    if (!dir.dirs.has(parent) && !opts.parents) throw new FsError('ENOENT', path);
    for (let i = 1; i <= parts.length; i++) dir.dirs.add(parts.slice(0, i).join('/'));
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const { dir, rel, readOnly } = this.resolve(path);
    if (readOnly) throw new FsError('EROFS', path);
    if (dir.files.delete(rel)) return;
    if (!dir.dirs.has(rel)) throw new FsError('ENOENT', path);
    const prefix = `${rel}/`;
    const children = [...dir.files.keys(), ...dir.dirs].filter((k) => k.startsWith(prefix));
    if (children.length && !opts.recursive) throw new FsError('ENOTEMPTY', path);
    for (const k of children) {
      dir.files.delete(k);
      dir.dirs.delete(k);
    }
    if (rel) dir.dirs.delete(rel);
  }
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Writes files (path → content) into a directory tree, creating parent dirs. */
export function populate(dir: VolumeDir, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const rel = path.replace(/^\//, '');
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) dir.dirs.add(parts.slice(0, i).join('/'));
    dir.files.set(rel, content);
  }
}
