import type { CommandFn, Shell } from './interpreter';
import { fsMessage } from './interpreter';
import { ExitSignal, LoopSignal, type Io, type Program } from './types';
import { formatDate } from './date';
import { networkCommands } from './net-commands';
import { sysinfoCommands } from './sysinfo';

/**
 * busybox-style commands available in every container's shell. They act on
 * the container's filesystem and environment; `sleep` pauses on the virtual
 * clock (a background timer inside loops or past 10 minutes, so a
 * `while true; do …; sleep 5; done` pod does not keep settle() busy).
 */
const FOREGROUND_SLEEP_LIMIT_MS = 10 * 60_000;

export function parseDuration(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * mult);
}

function* sleep(argv: string[], io: Io, sh: Shell): Program {
  if (argv.length < 2) {
    io.err('sleep: missing operand\n');
    return 1;
  }
  let total = 0;
  for (const a of argv.slice(1)) {
    const d = parseDuration(a);
    if (d === undefined) {
      io.err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += d;
  }
  if (total === Infinity) {
    yield { kind: 'block' };
    return 0;
  }
  if (total > 0) yield { kind: 'sleep', ms: total, background: sh.loopDepth > 0 || total > FOREGROUND_SLEEP_LIMIT_MS };
  return 0;
}

function* echo(argv: string[], io: Io): Program {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) escapes = true;
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) text = unescape(text);
  io.out(text + (newline ? '\n' : ''));
  return 0;
}

function unescape(s: string): string {
  return s.replace(/\\([nt\\])/g, (_m, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

function* printf(argv: string[], io: Io): Program {
  const fmt = argv[1] ?? '';
  const args = argv.slice(2);
  let k = 0;
  let out = '';
  for (let pass = 0; pass < 100; pass++) {
    out += unescape(fmt).replace(/%(-?\d*)([sdf%])/g, (_m, w, c) => {
      if (c === '%') return '%';
      const v = args[k++] ?? (c === 's' ? '' : '0');
      const s = c === 'd' ? String(Math.trunc(Number(v) || 0)) : c === 'f' ? (Number(v) || 0).toFixed(6) : v;
      const width = Number(w) || 0;
      return w.startsWith('-') ? s.padEnd(-width) : s.padStart(width);
    });
    if (k >= args.length) break;
  }
  io.out(out);
  return 0;
}

function* cat(argv: string[], io: Io, sh: Shell): Program {
  const files = argv.slice(1).filter((a) => a !== '-');
  if (!files.length && io.stdinOpen) {
    // Reading an open stdin nobody writes to: parked until attached input or EOF ends the process.
    yield { kind: 'block' };
    return 0;
  }
  if (!files.length) {
    io.out(io.stdin);
    return 0;
  }
  let status = 0;
  for (const f of files) {
    const st = sh.host.fs.stat(sh.abs(f));
    if (st?.type === 'dir') {
      io.err(`cat: read error: Is a directory\n`);
      status = 1;
      continue;
    }
    const c = sh.host.fs.read(sh.abs(f));
    if (c === undefined) {
      io.err(`cat: can't open '${f}': No such file or directory\n`);
      status = 1;
    } else io.out(c);
  }
  return status;
}

function* printenv(argv: string[], io: Io, sh: Shell): Program {
  const env = sh.env();
  if (argv.length > 1) {
    let status = 0;
    for (const k of argv.slice(1)) {
      if (env[k] === undefined) status = 1;
      else io.out(`${env[k]}\n`);
    }
    return status;
  }
  for (const [k, v] of Object.entries(env)) io.out(`${k}=${v}\n`);
  return 0;
}

function* date(argv: string[], io: Io, sh: Shell): Program {
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  io.out(`${formatDate(sh.host.nowMs(), fmt ? fmt.slice(1) : undefined)}\n`);
  return 0;
}

function* touch(argv: string[], io: Io, sh: Shell): Program {
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const p = sh.abs(f);
    try {
      if (sh.host.fs.read(p) === undefined && !sh.host.fs.stat(p)) sh.host.fs.write(p, '');
    } catch (e) {
      io.err(`touch: ${f}: ${fsMessage(e) === 'nonexistent directory' ? 'No such file or directory' : fsMessage(e)}\n`);
      return 1;
    }
  }
  return 0;
}

function* mkdir(argv: string[], io: Io, sh: Shell): Program {
  const parents = argv.includes('-p');
  for (const d of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      sh.host.fs.mkdir(sh.abs(d), { parents });
    } catch (e) {
      const msg = fsMessage(e);
      io.err(`mkdir: can't create directory '${d}': ${msg === 'nonexistent directory' ? 'No such file or directory' : msg}\n`);
      return 1;
    }
  }
  return 0;
}

function* rm(argv: string[], io: Io, sh: Shell): Program {
  const recursive = argv.some((a) => /^-[a-zA-Z]*[rR]/.test(a));
  const force = argv.some((a) => /^-[a-zA-Z]*f/.test(a));
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      sh.host.fs.remove(sh.abs(f), { recursive });
    } catch (e) {
      if (force) continue;
      const msg = fsMessage(e);
      io.err(`rm: can't remove '${f}': ${msg === 'nonexistent directory' ? 'No such file or directory' : msg}\n`);
      return 1;
    }
  }
  return 0;
}

function* ls(argv: string[], io: Io, sh: Shell): Program {
  const long = argv.some((a) => /^-[a-zA-Z]*l/.test(a));
  const all = argv.some((a) => /^-[a-zA-Z]*a/.test(a));
  const targets = argv.slice(1).filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const t of targets.length ? targets : ['.']) {
    const p = sh.abs(t);
    const st = sh.host.fs.stat(p);
    if (!st) {
      io.err(`ls: ${t}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (targets.length > 1 && st.type === 'dir') io.out(`${t}:\n`);
    const names = st.type === 'dir' ? sh.host.fs.list(p)! : [t];
    const shown = names.filter((n) => all || !n.startsWith('.'));
    if (!long) {
      if (shown.length) io.out(`${shown.join('\n')}\n`);
      continue;
    }
    for (const n of shown) {
      const s = st.type === 'dir' ? sh.host.fs.stat(`${p}/${n}`)! : st;
      const mode = s.type === 'dir' ? 'drwxr-xr-x' : s.readOnly ? '-r--r--r--' : '-rw-r--r--';
      io.out(`${mode}    1 root     root    ${String(s.size).padStart(8)} ${formatDate(sh.host.nowMs(), '%b %e %H:%M')} ${n}\n`);
    }
  }
  return status;
}

function* headTail(argv: string[], io: Io, sh: Shell): Program {
  const isTail = argv[0].endsWith('tail');
  const follow = argv.includes('-f') || argv.includes('-F');
  let n = 10;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n') n = Number(argv[++i]);
    else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
    else if (!a.startsWith('-')) files.push(a);
  }
  const text = files.length ? sh.host.fs.read(sh.abs(files[0])) : io.stdin;
  if (text === undefined) {
    if (files[0] !== '/dev/null') {
      io.err(`${argv[0]}: can't open '${files[0]}': No such file or directory\n`);
      if (!follow) return 1;
    }
  } else {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const pick = isTail ? lines.slice(Math.max(0, lines.length - n)) : lines.slice(0, n);
    if (pick.length) io.out(`${pick.join('\n')}\n`);
  }
  if (isTail && follow) yield { kind: 'block' };
  return 0;
}

function* grep(argv: string[], io: Io, sh: Shell): Program {
  const flags = argv.slice(1).filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const rest = argv.slice(1).filter((a) => !/^-[a-zA-Z]+$/.test(a));
  const pattern = rest[0] ?? '';
  const text = rest[1] ? sh.host.fs.read(sh.abs(rest[1])) ?? '' : io.stdin;
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  const lines = text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '');
  const hits = lines.filter((l) => re.test(l) !== flags.includes('v'));
  if (flags.includes('c')) io.out(`${hits.length}\n`);
  else if (!flags.includes('q') && hits.length) io.out(`${hits.join('\n')}\n`);
  return hits.length ? 0 : 1;
}

function* wc(argv: string[], io: Io, sh: Shell): Program {
  const file = argv.slice(1).find((a) => !a.startsWith('-'));
  const text = file ? sh.host.fs.read(sh.abs(file)) ?? '' : io.stdin;
  const lines = (text.match(/\n/g) ?? []).length;
  const words = text.split(/\s+/).filter(Boolean).length;
  const suffix = file ? ` ${file}` : '';
  if (argv.includes('-l')) io.out(`${lines}${suffix}\n`);
  else if (argv.includes('-w')) io.out(`${words}${suffix}\n`);
  else if (argv.includes('-c')) io.out(`${text.length}${suffix}\n`);
  else io.out(`${String(lines).padStart(7)} ${String(words).padStart(7)} ${String(text.length).padStart(7)}${suffix}\n`);
  return 0;
}

function* test(argv: string[], io: Io, sh: Shell): Program {
  const args = argv[0] === '[' ? argv.slice(1, argv[argv.length - 1] === ']' ? -1 : undefined) : argv.slice(1);
  return evalTest(args, sh) ? 0 : 1;
}

function evalTest(a: string[], sh: Shell): boolean {
  if (a[0] === '!') return !evalTest(a.slice(1), sh);
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    const st = sh.host.fs.stat(sh.abs(a[1]));
    switch (a[0]) {
      case '-z':
        return a[1] === '';
      case '-n':
        return a[1] !== '';
      case '-e':
        return !!st;
      case '-f':
        return st?.type === 'file';
      case '-d':
        return st?.type === 'dir';
      case '-s':
        return !!st && st.size > 0;
      default:
        return false;
    }
  }
  const [l, op, r] = a;
  const x = Number(l);
  const y = Number(r);
  switch (op) {
    case '=':
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-lt':
      return x < y;
    case '-le':
      return x <= y;
    case '-gt':
      return x > y;
    case '-ge':
      return x >= y;
    default:
      return false;
  }
}

function* shCommand(argv: string[], io: Io, sh: Shell): Program {
  const i = argv.indexOf('-c');
  if (i < 0) {
    if (argv[1]) {
      const script = sh.host.fs.read(sh.abs(argv[1]));
      if (script === undefined) {
        io.err(`${argv[0]}: can't open '${argv[1]}': No such file or directory\n`);
        return 2;
      }
      return yield* sh.runScript(script, io);
    }
    if (io.stdinOpen) {
      // An interactive shell on an open stdin (`kubectl run -it … -- sh`, `stdin: true`): it waits for
      // the terminal; attached input runs in the session's container shell, and its `exit N` or the
      // runtime closing stdin (stdinOnce) ends this process through ProcessRun.exit.
      yield { kind: 'block' };
      return 0;
    }
    return yield* sh.runScript(io.stdin, { ...io, stdin: '' });
  }
  const script = argv[i + 1] ?? '';
  const saved = sh.positional;
  sh.positional = argv.slice(i + 3);
  try {
    return yield* sh.runScript(script, io);
  } finally {
    sh.positional = saved;
  }
}

function* exit(argv: string[], _io: Io, sh: Shell): Program {
  throw new ExitSignal(argv[1] !== undefined ? Number(argv[1]) & 255 : sh.status);
}

function* loopCtl(argv: string[]): Program {
  throw new LoopSignal(argv[0] === 'break' ? 'break' : 'continue', Number(argv[1] ?? 1) || 1);
}

function* exportCmd(argv: string[], _io: Io, sh: Shell): Program {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq >= 0) sh.vars.set(a.slice(0, eq), a.slice(eq + 1));
    sh.exported.add(eq >= 0 ? a.slice(0, eq) : a);
  }
  return 0;
}

function* cd(argv: string[], io: Io, sh: Shell): Program {
  const target = sh.abs(argv[1] ?? sh.vars.get('HOME') ?? '/');
  if (sh.host.fs.stat(target)?.type !== 'dir') {
    io.err(`${sh.name}: cd: can't cd to ${argv[1]}: No such file or directory\n`);
    return 2;
  }
  sh.cwd = target;
  sh.vars.set('PWD', target);
  return 0;
}

function* seq(argv: string[], io: Io): Program {
  const nums = argv.slice(1).map(Number);
  const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  const out: string[] = [];
  for (let v = first, i = 0; inc > 0 ? v <= last : v >= last; v += inc, i++) {
    if (i > 100_000) break;
    out.push(String(v));
  }
  if (out.length) io.out(`${out.join('\n')}\n`);
  return 0;
}

function* tee(argv: string[], io: Io, sh: Shell): Program {
  const append = argv.includes('-a');
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      sh.host.fs.write(sh.abs(f), io.stdin, { append });
    } catch (e) {
      io.err(`tee: ${f}: ${fsMessage(e)}\n`);
    }
  }
  io.out(io.stdin);
  return 0;
}

function* cpMv(argv: string[], io: Io, sh: Shell): Program {
  const [src, dst] = argv.slice(1).filter((a) => !a.startsWith('-'));
  const content = src ? sh.host.fs.read(sh.abs(src)) : undefined;
  if (content === undefined) {
    io.err(`${argv[0]}: can't stat '${src}': No such file or directory\n`);
    return 1;
  }
  let target = sh.abs(dst ?? '');
  if (sh.host.fs.stat(target)?.type === 'dir') target = `${target}/${src.split('/').pop()}`;
  try {
    sh.host.fs.write(target, content);
    if (argv[0] === 'mv') sh.host.fs.remove(sh.abs(src));
  } catch (e) {
    io.err(`${argv[0]}: can't create '${dst}': ${fsMessage(e)}\n`);
    return 1;
  }
  return 0;
}

function* ps(_argv: string[], io: Io, sh: Shell): Program {
  io.out('PID   USER     TIME  COMMAND\n');
  for (const p of sh.host.processes()) io.out(`${String(p.pid).padStart(5)} root      0:00 ${p.cmd}\n`);
  return 0;
}

const simple = (fn: (argv: string[], io: Io, sh: Shell) => number): CommandFn =>
  // eslint-disable-next-line require-yield
  function* (argv, io, sh) {
    return fn(argv, io, sh);
  };

export function baseCommands(): Map<string, CommandFn> {
  const m = new Map<string, CommandFn>([
    ['sleep', sleep],
    ['echo', echo],
    ['printf', printf],
    ['cat', cat],
    ['printenv', printenv],
    ['env', printenv],
    ['date', date],
    ['touch', touch],
    ['mkdir', mkdir],
    ['rm', rm],
    ['ls', ls],
    ['head', headTail],
    ['tail', headTail],
    ['grep', grep],
    ['wc', wc],
    ['test', test],
    ['[', test],
    ['sh', shCommand],
    ['ash', shCommand],
    ['bash', shCommand],
    ['exit', exit],
    ['break', loopCtl],
    ['continue', loopCtl],
    ['export', exportCmd],
    ['cd', cd],
    ['seq', seq],
    ['tee', tee],
    ['cp', cpMv],
    ['mv', cpMv],
    ['ps', ps],
    ['true', simple(() => 0)],
    [':', simple(() => 0)],
    ['false', simple(() => 1)],
    ['hostname', simple((_a, io, sh) => (io.out(`${sh.host.hostname}\n`), 0))],
    ['whoami', simple((_a, io) => (io.out('root\n'), 0))],
    ['id', simple((_a, io) => (io.out('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n'), 0))],
    ['pwd', simple((_a, io, sh) => (io.out(`${sh.cwd}\n`), 0))],
    ['nproc', simple((_a, io, sh) => (io.out(`${sh.host.cpus}\n`), 0))],
    ['uname', simple((a, io, sh) => (io.out(a.includes('-a') ? `Linux ${sh.host.hostname} ${sh.host.kernel} #1 SMP x86_64 GNU/Linux\n` : a.includes('-r') ? `${sh.host.kernel}\n` : 'Linux\n'), 0))],
    ['kill', simple(() => 0)],
    ['sync', simple(() => 0)],
    ['unset', simple((a, _io, sh) => (a.slice(1).forEach((k) => sh.vars.delete(k)), 0))],
  ]);
  for (const [k, v] of networkCommands()) m.set(k, v);
  for (const [k, v] of sysinfoCommands()) m.set(k, v);
  return m;
}

export function runSimple(io: Io, text: string): number {
  io.out(text);
  return 0;
}
