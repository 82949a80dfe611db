import { InMemoryFs } from 'just-bash';

/**
 * The shell's virtual filesystem: just-bash's InMemoryFs plus the synchronous
 * reads kubectl's host interface needs and two fixes for determinism:
 * InMemoryFs stamps new entries with the real time (`new Date()`), so after
 * every command `stampNewEntries` re-stamps entries it has not seen with the
 * virtual clock, and `snapshot()` (used by the state hash) leaves mtimes out.
 *
 * Relies on InMemoryFs keeping its entries in a private `data` Map keyed by
 * normalised absolute path (just-bash 3.4); `vfs.test.ts` pins that.
 */
interface RawEntry {
  type: 'file' | 'directory' | 'symlink';
  content?: string | Uint8Array;
  lazy?: unknown;
  target?: string;
  mode: number;
  mtime: Date;
}

const DECODER = new TextDecoder();

export class VirtualFs extends InMemoryFs {
  private seen = new WeakSet<object>();
  private clockMs?: () => number;
  /**
   * Files given as providers (node-files.ts: PKI material, made on first read).
   * snapshot() shows them as `<lazy>` for as long as their content is what the
   * provider made, so the state hash does not depend on who read them first.
   */
  private readonly lazyOrigin = new Map<string, () => string>();

  constructor(files?: Record<string, string | (() => string)>) {
    const memo: Record<string, string | (() => string)> = {};
    const origins: [string, () => string][] = [];
    for (const [p, v] of Object.entries(files ?? {})) {
      if (typeof v !== 'function') {
        memo[p] = v;
        continue;
      }
      let made: string | undefined;
      const once = () => (made ??= v());
      memo[p] = once;
      origins.push([VirtualFs.normalize('/', p), once]);
    }
    super(memo);
    for (const [p, f] of origins) this.lazyOrigin.set(p, f);
  }

  /**
   * Stamps entries with the virtual time as they are created, by wrapping the
   * entry map's `set` (every create/replace goes through it), so that
   * stampNewEntries has nothing left to do on the hot path.
   */
  useClock(nowMs: () => number): void {
    if (this.clockMs) return;
    this.clockMs = nowMs;
    const map = this.entries;
    const set = map.set.bind(map);
    map.set = (key: string, value: RawEntry) => {
      if (value && typeof value === 'object' && 'mtime' in value) {
        value.mtime = new Date(nowMs());
        this.seen.add(value);
      }
      return set(key, value);
    };
  }

  private get entries(): Map<string, RawEntry> {
    return (this as unknown as { data: Map<string, RawEntry> }).data;
  }

  /** Absolute, normalised path (no trailing slash, `..` resolved). */
  static normalize(cwd: string, path: string): string {
    const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
    const out: string[] = [];
    for (const part of abs.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return `/${out.join('/')}`;
  }

  private resolveEntry(path: string): RawEntry | undefined {
    let p = VirtualFs.normalize('/', path);
    for (let hops = 0; hops < 40; hops++) {
      const e = this.entries.get(p);
      if (!e || e.type !== 'symlink') return e;
      p = VirtualFs.normalize(p.replace(/\/[^/]*$/, '') || '/', e.target ?? '');
    }
    return undefined;
  }

  readSync(path: string): string | undefined {
    const e = this.resolveEntry(path);
    if (e && e.type === 'file' && e.content === undefined && typeof e.lazy === 'function') {
      const made = (e.lazy as () => unknown)();
      if (typeof made === 'string') e.content = made;
      delete e.lazy;
    }
    if (!e || e.type !== 'file' || e.content === undefined) return undefined;
    return typeof e.content === 'string' ? e.content : DECODER.decode(e.content);
  }

  isDirectorySync(path: string): boolean {
    return this.resolveEntry(path)?.type === 'directory';
  }

  existsSync(path: string): boolean {
    return this.resolveEntry(path) !== undefined;
  }

  /** Entry names directly under a directory, sorted. */
  listSync(path: string): string[] {
    const dir = VirtualFs.normalize('/', path);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const p of this.entries.keys()) {
      if (p === dir || !p.startsWith(prefix)) continue;
      const name = p.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    return [...names].sort();
  }

  /** What is at a path, following symlinks: 'file', 'directory' or undefined. */
  typeSync(path: string): 'file' | 'directory' | undefined {
    const t = this.resolveEntry(path)?.type;
    return t === 'file' || t === 'directory' ? t : undefined;
  }

  /**
   * Every entry strictly under a directory (path and type), in the map's order.
   * A walk over the entry map, no copy: the kubelet's hostPath views
   * (kubelet/node-fs.ts) list through it.
   */
  *entriesUnder(dir: string): Generator<[string, 'file' | 'directory' | 'symlink']> {
    const d = VirtualFs.normalize('/', dir);
    const prefix = d === '/' ? '/' : `${d}/`;
    for (const [p, e] of this.entries) if (p !== d && p.startsWith(prefix)) yield [p, e.type];
  }

  /**
   * Removes one entry (not its children), keeping InMemoryFs's byte
   * accounting (its private `deleteEntry`). False when nothing was there.
   */
  removeEntrySync(path: string): boolean {
    const p = VirtualFs.normalize('/', path);
    if (!this.entries.has(p)) return false;
    const del = (this as unknown as { deleteEntry?: (p: string) => boolean }).deleteEntry;
    if (typeof del === 'function') return del.call(this, p);
    return this.entries.delete(p);
  }

  /**
   * Adds a node's layout files to a filesystem that already exists (the
   * kubelet made it for hostPath volumes before the node's shell was built):
   * the layout's files replace what is at their paths, providers stay lazy as
   * in the constructor, directories already made stay.
   */
  seed(files: Record<string, string | (() => string)>): void {
    for (const [path, v] of Object.entries(files)) {
      const p = VirtualFs.normalize('/', path);
      if (this.entries.get(p)?.type === 'directory') continue;
      if (typeof v !== 'function') {
        this.writeFileSync(p, v);
        continue;
      }
      let made: string | undefined;
      const once = () => (made ??= v());
      this.writeFileLazy(p, once);
      this.lazyOrigin.set(p, once);
    }
  }

  /** Gives every entry created since the last call the virtual time `ms` as its mtime. */
  stampNewEntries(ms: number): void {
    if (this.clockMs) return;
    for (const e of this.entries.values()) {
      if (this.seen.has(e)) continue;
      e.mtime = new Date(ms);
      this.seen.add(e);
    }
  }

  private peekContent(e: RawEntry): string | undefined {
    return typeof e.content === 'string' ? e.content : e.content ? DECODER.decode(e.content) : undefined;
  }

  /** Path → content (files), `dir` (directories), `-> target` (symlinks), sorted; no mtimes. */
  snapshot(): [string, string][] {
    const out: [string, string][] = [];
    for (const [p, e] of this.entries) {
      if (e.type === 'directory') out.push([p, 'dir']);
      else if (e.type === 'symlink') out.push([p, `-> ${e.target}`]);
      else if (e.content === undefined || (this.lazyOrigin.has(p) && this.peekContent(e) === this.lazyOrigin.get(p)!())) out.push([p, '<lazy>']);
      else out.push([p, this.readSync(p) ?? '<lazy>']);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}
