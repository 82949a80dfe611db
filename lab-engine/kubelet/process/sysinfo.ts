import type { CommandFn, Shell } from './interpreter';
import type { ContainerFs } from '../types';
import type { Io, Program } from './types';
import { formatDate } from './date';

/**
 * busybox's system applets (procps/free.c, procps/uptime.c, coreutils/df.c,
 * util-linux/mount.c). A container sees the node's /proc/meminfo and
 * /proc/uptime (they are not namespaced), so `free` and `uptime` show the
 * node: its memory and its boot time on the virtual clock. Used memory is
 * a deterministic share of the node (system daemons, page cache) — the
 * simulator has no page cache to measure.
 */

const DEFAULT_NODE_MEMORY = 4 * 1024 * 1024 * 1024;
/** Root filesystem of a Killercoda/kubeadm VM: 19.2 GiB (node-object.ts DEFAULT_EPHEMERAL_KI). */
const DISK_KI = 20_134_592;

export interface MemInfo {
  totalKi: number;
  usedKi: number;
  freeKi: number;
  sharedKi: number;
  buffCacheKi: number;
  availableKi: number;
}

/** The node's meminfo as the container reads it (MemTotal is the node's capacity: 97 % of its RAM). */
export function memInfo(sh: Shell): MemInfo {
  const totalKi = Math.floor(((sh.host.node?.memoryBytes ?? DEFAULT_NODE_MEMORY) / 1024) * 0.97);
  const usedKi = Math.floor(totalKi * 0.21);
  const buffCacheKi = Math.floor(totalKi * 0.38);
  const sharedKi = Math.floor(totalKi * 0.012);
  const freeKi = totalKi - usedKi - buffCacheKi;
  const availableKi = freeKi + Math.floor(buffCacheKi * 0.86);
  return { totalKi, usedKi, freeKi, sharedKi, buffCacheKi, availableKi };
}

/**
 * busybox free [-b|-k|-m|-g|-h] (procps/free.c): KiB by default, a 7-wide label then
 * `%12s` columns; -h prints each value with make_human_readable_str (one decimal and a unit).
 */
function* free(argv: string[], io: Io, sh: Shell): Program {
  let shift: number | 'human' = 10;
  for (const a of argv.slice(1)) {
    const bad = a.startsWith('-') ? [...a.slice(1)].find((c) => !'bkmgh'.includes(c)) : a;
    if (bad !== undefined) {
      io.err(`${a.startsWith('-') ? `free: invalid option -- '${bad}'\n` : ''}BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: free [-bkmgh]\n\nDisplay free and used memory\n`);
      return 1;
    }
    const last = a[a.length - 1];
    shift = last === 'h' ? 'human' : ({ b: 0, k: 10, m: 20, g: 30 } as Record<string, number>)[last];
  }
  const m = memInfo(sh);
  const scale = (ki: number) => (shift === 'human' ? humanKi(ki) : String(Math.floor((ki * 1024) / 2 ** shift)));
  const head = ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('');
  const row = [m.totalKi, m.usedKi, m.freeKi, m.sharedKi, m.buffCacheKi, m.availableKi].map(scale);
  io.out(`       ${head}\nMem:   ${row[0].padStart(12)} ${row.slice(1).map((v) => v.padStart(11)).join(' ')}\n`);
  io.out(`Swap:  ${'0'.padStart(12)} ${'0'.padStart(11)} ${'0'.padStart(11)}\n`);
  return 0;
}

/** Seconds since the node booted. */
export function uptimeSeconds(sh: Shell): number {
  const now = sh.host.nowMs();
  const boot = sh.host.node?.bootMs ?? now - 3_600_000;
  return Math.max(0, Math.floor((now - boot) / 1000));
}

/** Load averages of the node: a deterministic, small wander per minute. */
function loadAverages(sh: Shell): string[] {
  const minute = Math.floor(sh.host.nowMs() / 60_000);
  const base = [17, 21, 19];
  return base.map((b, i) => {
    const v = b + ((minute * (7 + i * 3)) % 11) - 5;
    return `${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')}`;
  });
}

/** busybox uptime: ` HH:MM:SS up [N days, ]H:MM,  0 users,  load average: a, b, c`. */
function* uptime(_argv: string[], io: Io, sh: Shell): Program {
  const up = uptimeSeconds(sh);
  const days = Math.floor(up / 86_400);
  const mins = Math.floor(up / 60);
  const hours = Math.floor(mins / 60) % 24;
  let text = ` ${formatDate(sh.host.nowMs(), '%H:%M:%S')} up `;
  if (days) text += `${days} day${days !== 1 ? 's' : ''}, `;
  text += hours ? `${String(hours).padStart(2)}:${String(mins % 60).padStart(2, '0')}` : `${mins % 60} min`;
  io.out(`${text},  0 users,  load average: ${loadAverages(sh).join(', ')}\n`);
  return 0;
}

interface MountRow {
  device: string;
  path: string;
  type: string;
  options: string;
}

type MountTable = ContainerFs & { mountPoints?: () => { path: string; readOnly: boolean }[] };

/**
 * /proc/mounts of a containerd container: the overlay root, the runtime's
 * pseudo filesystems, the kubelet's bind mounts (/etc/hosts, /etc/hostname,
 * /etc/resolv.conf, /dev/termination-log from the node disk) and the pod's
 * volumes (node disk, ext4; the service-account token is a tmpfs).
 */
export function mountRows(sh: Shell): MountRow[] {
  const ext4 = (path: string, ro: boolean): MountRow => ({ device: '/dev/root', path, type: 'ext4', options: `${ro ? 'ro' : 'rw'},relatime,discard,errors=remount-ro` });
  const rows: MountRow[] = [
    { device: 'overlay', path: '/', type: 'overlay', options: 'rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/1/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/work' },
    { device: 'proc', path: '/proc', type: 'proc', options: 'rw,nosuid,nodev,noexec,relatime' },
    { device: 'tmpfs', path: '/dev', type: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755,inode64' },
    { device: 'devpts', path: '/dev/pts', type: 'devpts', options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666' },
    { device: 'mqueue', path: '/dev/mqueue', type: 'mqueue', options: 'rw,nosuid,nodev,noexec,relatime' },
    { device: 'sysfs', path: '/sys', type: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime' },
    { device: 'cgroup', path: '/sys/fs/cgroup', type: 'cgroup2', options: 'ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot' },
  ];
  const volumes = (sh.host.fs as MountTable).mountPoints?.() ?? [];
  for (const v of volumes) {
    if (v.path.startsWith('/var/run/secrets/') || v.path.startsWith('/run/secrets/')) rows.push({ device: 'tmpfs', path: v.path, type: 'tmpfs', options: 'ro,relatime,size=3956348k,inode64' });
    else rows.push(ext4(v.path, v.readOnly));
  }
  for (const f of ['/etc/hosts', '/dev/termination-log', '/etc/hostname', '/etc/resolv.conf']) if (sh.host.fs.stat(f)) rows.push(ext4(f, false));
  rows.push({ device: 'shm', path: '/dev/shm', type: 'tmpfs', options: 'rw,nosuid,nodev,noexec,relatime,size=65536k,inode64' });
  return rows;
}

/** busybox mount (no arguments): /proc/mounts as `DEV on DIR type TYPE (OPTS)`. Mounting needs privileges. */
function* mount(argv: string[], io: Io, sh: Shell): Program {
  const args = argv.slice(1).filter((a) => a !== '-l');
  if (args.length) {
    io.err('mount: permission denied (are you root?)\n');
    return 255;
  }
  for (const r of mountRows(sh)) io.out(`${r.device} on ${r.path} type ${r.type} (${r.options})\n`);
  return 0;
}

/** busybox df [-h|-k|-m] [PATH…]: the filesystems of `mount`, sizes of the node disk for the root and disk-backed volumes. */
function* df(argv: string[], io: Io, sh: Shell): Program {
  const human = argv.some((a) => /^-[a-zA-Z]*h/.test(a));
  const mega = argv.some((a) => /^-[a-zA-Z]*m/.test(a));
  const paths = argv.slice(1).filter((a) => !a.startsWith('-'));
  const memKi = memInfo(sh).totalKi;
  const usedDiskKi = Math.floor(DISK_KI * 0.34);
  const sizes = (r: MountRow): [number, number] | undefined => {
    if (r.type === 'overlay' || r.type === 'ext4') return [DISK_KI, usedDiskKi];
    if (r.type === 'tmpfs') return r.path === '/dev' || r.path === '/dev/shm' ? [65_536, 0] : [3_956_348 > memKi ? memKi : 3_956_348, 12];
    return undefined;
  };
  let rows = mountRows(sh).filter((r) => sizes(r) && r.path !== '/dev/termination-log' && !r.path.startsWith('/etc/h') && r.path !== '/etc/resolv.conf');
  if (paths.length) {
    const all = mountRows(sh).filter((r) => sizes(r));
    const picked: MountRow[] = [];
    for (const p of paths) {
      const abs = sh.abs(p);
      if (!sh.host.fs.stat(abs)) {
        io.err(`df: ${p}: can't find mount point\n`);
        return 1;
      }
      const best = all.filter((r) => abs === r.path || abs.startsWith(r.path === '/' ? '/' : `${r.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
      picked.push(best);
    }
    rows = picked;
  }
  const unit = human ? 'Size' : mega ? '1M-blocks' : '1K-blocks';
  io.out(`${'Filesystem'.padEnd(20)}${unit.padStart(10)}${'Used'.padStart(10)}${'Available'.padStart(10)} Use% Mounted on\n`);
  const fmt = (ki: number) => (human ? humanKi(ki) : mega ? String(Math.floor(ki / 1024)) : String(ki));
  for (const r of rows) {
    const [total, used] = sizes(r)!;
    const avail = total - used;
    const pct = total ? Math.ceil((used * 100) / (used + avail)) : 0;
    const dev = r.device.length > 20 ? `${r.device}\n${''.padEnd(20)}` : r.device.padEnd(20);
    io.out(`${dev}${fmt(total).padStart(10)}${fmt(used).padStart(10)}${fmt(avail).padStart(10)}${`${pct}%`.padStart(5)} ${r.path}\n`);
  }
  return 0;
}

/** busybox's make_human_readable_str as df -h uses it: one decimal, units K M G T. */
function humanKi(ki: number): string {
  if (ki === 0) return '0';
  const units = ['K', 'M', 'G', 'T'];
  let v = ki;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${(Math.round(v * 10) / 10).toFixed(1)}${units[u]}`;
}

export function sysinfoCommands(): Map<string, CommandFn> {
  return new Map<string, CommandFn>([
    ['free', free],
    ['uptime', uptime],
    ['mount', mount],
    ['df', df],
  ]);
}

/**
 * The node facts a container reads from /proc: MemTotal from the node's memory
 * (quantity string, default 4Gi) and the boot time, 90 s before the Node object
 * was registered (VM boot, containerd and kubelet start-up before kubeadm's registration).
 */
export function nodeFacts(memory: string | undefined, registeredAt: string | undefined, fallbackMs: number): { memoryBytes: number; bootMs: number } {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(memory ?? '4Gi');
  const mult: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  const memoryBytes = m ? Number(m[1]) * mult[m[2] ?? ''] : DEFAULT_NODE_MEMORY;
  const reg = registeredAt ? Date.parse(registeredAt) : NaN;
  return { memoryBytes, bootMs: (Number.isFinite(reg) ? reg : fallbackMs) - 90_000 };
}
