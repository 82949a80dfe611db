import { Bash, defineCommand, type Command } from 'just-bash';
import { NO_STDIN, parseBash } from './just-bash-parse';
import type { FunctionDefNode } from './transform';
import type { Rng } from '../base/rng';
import { VirtualFs } from './vfs';
import { determinismPlugin, rewriteScript, sourcedFiles, functionDefinitions, unsetFunctions, INTERRUPT_CHECK_COMMAND, RANDOM_COMMAND, SECONDS_COMMAND } from './transform';
import { INTERRUPTED_EXIT_CODE, type LineResult, type RunContext } from './run-context';
import { builtinCommands } from './commands';
import { checkLine } from './limits';
import { headLimit, isEndlessKubectl, isLineFilter, isPlainPipeline, MAX_STREAMED_INPUT, splitFirstPipe } from './stream-pipeline';

export interface ShellOptions {
  hostname: string;
  user?: string;
  home: string;
  cwd?: string;
  env?: Record<string, string>;
  fs: VirtualFs;
  /** `node` → `controlplane:~$ `; `sh` → `/ # ` (busybox ash); `dash` → `# ` (Debian's sh as root); `bash` → `root@web:/# ` (container shells); `none` without a TTY. */
  promptStyle?: 'node' | 'sh' | 'dash' | 'bash' | 'none';
  /** Extra commands (kubectl, ssh, curl…) given by the session. */
  commands?: Command[];
  rng: Rng;
  /** Virtual ms when the shell started ($SECONDS counts from here). */
  startMs: number;
  /** Initial aliases (as ~/.bashrc would set them). */
  aliases?: Record<string, string>;
  /** Called after every line (container shells write their files back). */
  afterLine?: () => void;
  /** Virtual clock for file times (default: the running line's, else startMs). */
  clock?: () => number;
}

/**
 * Execution limits, count-based so that hitting one is deterministic (the
 * wall-clock deadline is switched off: time in the engine is virtual).
 */
export const SHELL_LIMITS = {
  maxCommandCount: 20_000,
  maxLoopIterations: 10_000,
  maxCallDepth: 100,
  maxExecDepth: 16,
  maxSubstitutionDepth: 20,
  maxSourceDepth: 20,
  maxOutputSize: 8 * 1024 * 1024,
  maxStringLength: 16 * 1024 * 1024,
  maxFileSystemBytes: 128 * 1024 * 1024,
  maxHeredocSize: 2 * 1024 * 1024,
  maxBraceExpansionResults: 10_000,
  maxExecutionTimeMs: Number.POSITIVE_INFINITY,
  maxExtensionCleanupTimeMs: Number.POSITIVE_INFINITY,
};

interface BashState {
  env: Map<string, string>;
  cwd: string;
  previousDir: string;
  functions: Map<string, FunctionDefNode>;
  lastExitCode: number;
  shoptOptions: { expand_aliases: boolean };
  exportedVars?: Set<string>;
}

/** Error text just-bash puts after its limit messages; meaningless to a learner. */
const LIMIT_HINT = /, increase executionLimits\.\w+/g;
const INTERRUPT_MARK = 'bash: interrupt: ';

/**
 * One bash-like shell (the learner's, a node's over ssh, or a container's in
 * `kubectl exec -it`). just-bash runs each line; this class carries what bash
 * keeps between lines — variables, exports, cwd, aliases, functions, history —
 * which just-bash resets on every exec().
 */
export class Shell {
  readonly bash: Bash;
  readonly fs: VirtualFs;
  readonly history: string[] = [];
  readonly hostname: string;
  readonly home: string;
  readonly user: string;
  private run?: RunContext;
  private lineFunctions: FunctionDefNode[] | undefined;
  private lineUnsets: string[] = [];
  private lineSource = '';
  private ttyDirectUsed = false;
  private ttyDirect = false;
  private readonly rng: Rng;
  /** Commands a plain line may run without just-bash (see tryFastPath). */
  private readonly fastCommands = new Map<string, Command>();

  constructor(private readonly options: ShellOptions) {
    this.fs = options.fs;
    this.hostname = options.hostname;
    this.home = options.home;
    this.user = options.user ?? 'root';
    this.rng = options.rng;
    const env: Record<string, string> = {
      HOME: options.home,
      USER: this.user,
      LOGNAME: this.user,
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: options.hostname,
      ...options.env,
    };
    for (const [k, v] of Object.entries(options.aliases ?? {})) env[`BASH_ALIAS_${k}`] = v;
    this.fs.useClock(options.clock ?? (() => this.run?.nowMs() ?? options.startMs));
    const cwd = options.cwd ?? options.home;
    if (!this.fs.isDirectorySync(cwd)) this.fs.mkdirSync(cwd, { recursive: true });
    this.bash = new Bash({
      fs: this.fs,
      cwd,
      env,
      executionLimits: SHELL_LIMITS,
      customCommands: [...this.internalCommands(), ...builtinCommands(this), ...(options.commands ?? [])],
      processInfo: { pid: 1000, ppid: 999, uid: this.user === 'root' ? 0 : 1000, gid: 0 },
      // Defense-in-depth patches JS intrinsics around every command to contain
      // guest JavaScript (js-exec, python); we enable neither, and it cost
      // about half of each line's CPU time. Isolation is the Worker's job.
      defenseInDepth: false,
    });
    this.bash.registerTransformPlugin({
      name: determinismPlugin.name,
      transform: (ctx) => {
        if (this.lineFunctions === undefined) {
          // The first transform of a line is its top-level script (nested execs come later).
          this.lineFunctions = [...functionDefinitions(ctx.ast), ...this.sourcedFunctions(sourcedFiles(ctx.ast))];
          this.lineUnsets = unsetFunctions(ctx.ast);
          return { ast: rewriteScript(ctx.ast, this.lineSource) };
        }
        return determinismPlugin.transform(ctx);
      },
    });
    this.state.shoptOptions.expand_aliases = true;
  }

  private get state(): BashState {
    return (this.bash as unknown as { state: BashState }).state;
  }

  /** The run context of the line being executed (commands call this). */
  current(): RunContext {
    if (!this.run) throw new Error('shell: no line is running');
    return this.run;
  }

  cwd(): string {
    return this.state.cwd;
  }

  env(): Record<string, string> {
    return Object.fromEntries(this.state.env);
  }

  aliases(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.state.env) if (k.startsWith('BASH_ALIAS_')) out[k.slice(11)] = v;
    return out;
  }

  functionNames(): string[] {
    return [...this.state.functions.keys()].sort();
  }

  prompt(): string {
    const cwd = this.cwd();
    const style = this.options.promptStyle ?? 'node';
    if (style === 'none') return '';
    if (style === 'sh') return `${cwd} # `;
    if (style === 'dash') return '# ';
    if (style === 'bash') return `${this.user}@${this.hostname}:${cwd}# `;
    const shown = cwd === this.home ? '~' : cwd.startsWith(`${this.home}/`) ? `~${cwd.slice(this.home.length)}` : cwd;
    return `${this.hostname}:${shown}$ `;
  }

  /**
   * True for the first streaming command of a line that is a single simple
   * command without redirections: its output can go to the terminal as it
   * is produced (`kubectl get pods -w`, `watch …`). Anything else (pipes,
   * `$(…)`, redirects) collects output as just-bash does.
   */
  claimTerminal(): boolean {
    if (!this.ttyDirect || this.ttyDirectUsed) return false;
    this.ttyDirectUsed = true;
    return true;
  }

  /**
   * Only a line whose command is kubectl or watch (after aliases) may hand the
   * terminal to it: in `bash check.sh`, `source f`, `xargs kubectl …` the
   * kubectl runs nested, and its output must reach the enclosing `$(…)` or pipe.
   */
  private writesToTerminal(line: string): boolean {
    const words = line.trim().split(/\s+/);
    let i = 0;
    while (i < words.length - 1 && /^[A-Za-z_]\w*=/.test(words[i])) i++;
    const first = words[i] ?? '';
    const alias = this.state.env.get(`BASH_ALIAS_${first}`);
    const command = (alias ? alias.trim().split(/\s+/)[0] : first).split('/').pop();
    return command === 'kubectl' || command === 'watch';
  }

  async exec(line: string, run: RunContext): Promise<LineResult> {
    const rejected = checkLine(line);
    if (rejected) return rejected;
    if (line.trim() !== '') this.addHistory(line);
    this.run = run;
    this.lineFunctions = undefined;
    this.lineUnsets = [];
    this.lineSource = line;
    this.ttyDirectUsed = false;
    this.ttyDirect = isSingleSimpleCommand(line) && this.writesToTerminal(line);
    try {
      const streamed = await this.tryStreamingPipeline(line, run);
      if (streamed) return streamed;
      const fast = await this.tryFastPath(line);
      if (fast) return fast;
      const r = await this.bash.exec(line, { rawScript: true });
      this.carryState(r.env, r.exitCode);
      this.fs.stampNewEntries(run.nowMs());
      this.options.afterLine?.();
      return { stdout: r.stdout, stderr: cleanStderr(r.stderr), exitCode: run.interrupted() ? INTERRUPTED_EXIT_CODE : r.exitCode };
    } finally {
      this.run = undefined;
    }
  }

  /** Function definitions in files the line sources (one level; bash would run them as it sources). */
  private sourcedFunctions(paths: string[]): FunctionDefNode[] {
    const out: FunctionDefNode[] = [];
    for (const p of paths.slice(0, 8)) {
      const abs = p.startsWith('~') ? `${this.home}${p.slice(1)}` : VirtualFs.normalize(this.state.cwd, p);
      const text = this.fs.readSync(abs);
      if (text === undefined || text.length > 1024 * 1024) continue;
      try {
        out.push(...functionDefinitions(parseBash(text)));
      } catch {
        // A file bash cannot parse defines nothing.
      }
    }
    return out;
  }

  /** Registers a command with just-bash and for the fast path. */
  registerCommand(command: Command, fast = false): void {
    this.bash.registerCommand(command);
    if (fast) this.fastCommands.set(command.name, command);
  }

  /**
   * A line that is one plain command (`kubectl get pods -n x -o wide`, after
   * alias expansion) with nothing for the shell to expand runs its command
   * directly: same command, same result, without just-bash's per-line
   * interpreter setup (~2 ms, more than kubectl itself).
   */
  private async tryFastPath(line: string): Promise<LineResult | undefined> {
    if (this.fastCommands.size === 0 || !FAST_LINE.test(line)) return undefined;
    let words = splitPlainWords(line);
    if (!words || words.length === 0) return undefined;
    const alias = this.state.env.get(`BASH_ALIAS_${words[0]}`);
    if (alias !== undefined) {
      if (!FAST_LINE.test(alias) || /\s$/.test(alias)) return undefined;
      const expanded = splitPlainWords(alias);
      if (!expanded || expanded.length === 0) return undefined;
      words = [...expanded, ...words.slice(1)];
    }
    if (this.state.functions.has(words[0])) return undefined;
    const cmd = this.fastCommands.get(words[0]);
    if (!cmd) return undefined;
    const ctx = { fs: this.fs, cwd: this.state.cwd, env: this.state.env, stdin: NO_STDIN, limits: {} } as unknown as Parameters<Command['execute']>[1];
    let r: LineResult;
    try {
      r = await cmd.execute(words.slice(1), ctx);
    } catch (e) {
      if (!this.run?.interrupted()) throw e;
      r = { stdout: '', stderr: '', exitCode: INTERRUPTED_EXIT_CODE };
    }
    const exitCode = this.run?.interrupted() ? INTERRUPTED_EXIT_CODE : r.exitCode;
    this.state.env.set('?', String(exitCode));
    this.state.env.set('_', words[words.length - 1]);
    this.state.lastExitCode = exitCode;
    this.fs.stampNewEntries(this.current().nowMs());
    this.options.afterLine?.();
    return { stdout: r.stdout, stderr: cleanStderr(r.stderr), exitCode };
  }

  /**
   * `kubectl get pods -w | grep web` and the like (see stream-pipeline.ts): the left command writes
   * into a pipe; the rest of the pipeline re-runs over what arrived whenever a line completes, and
   * the terminal gets what it adds. Ctrl-C ends every stage; end-of-file gives the final output.
   */
  private async tryStreamingPipeline(line: string, run: RunContext): Promise<LineResult | undefined> {
    const split = splitFirstPipe(line);
    if (!split || !FAST_LINE.test(split.left) || !isPlainPipeline(split.rest)) return undefined;
    const words = this.expandAlias(splitPlainWords(split.left));
    if (!words || !isEndlessKubectl(words) || !this.fastCommands.has(words[0])) return undefined;
    const rest = split.rest;
    const incremental = rest.split('|').every(isLineFilter);
    const head = headLimit(rest);
    let closed = false;
    let input = '';
    let processed = -1;
    let shownOut = '';
    let shownErr = '';
    let last: LineResult = { stdout: '', stderr: '', exitCode: 0 };
    const runRest = async (final: boolean): Promise<void> => {
      const upto = final ? input.length : input.lastIndexOf('\n') + 1;
      if (!final && (!incremental || upto <= processed || input.length > MAX_STREAMED_INPUT)) return;
      processed = upto;
      this.lineFunctions = undefined;
      const r = await this.bash.exec(rest, { stdin: input.slice(0, upto), rawScript: true });
      last = { stdout: r.stdout, stderr: cleanStderr(r.stderr), exitCode: r.exitCode };
      // Only growth is shown: a filter's output over more input extends its output over less.
      if (last.stdout.startsWith(shownOut)) {
        run.emit(last.stdout.slice(shownOut.length));
        shownOut = last.stdout;
      }
      if (last.stderr.startsWith(shownErr)) {
        run.emit(last.stderr.slice(shownErr.length), 'stderr');
        shownErr = last.stderr;
      }
      if (head !== undefined && last.stdout.split('\n').length - 1 >= head) closed = true;
    };
    let chain = Promise.resolve();
    const piped: RunContext = {
      nowMs: () => run.nowMs(),
      // A closed pipe (head exited) ends the left side at its next write, as SIGPIPE.
      interrupted: () => run.interrupted() || closed,
      edit: (path, content) => run.edit(path, content),
      emit: (chunk, stream = 'stdout') => {
        if (stream === 'stderr') return run.emit(chunk, 'stderr');
        input += chunk;
        chain = chain.then(() => runRest(false));
      },
      // The rest of the pipeline catches up before virtual time moves on.
      sleep: async (ms, streaming) => {
        await chain;
        if (closed) return;
        return run.sleep(ms, streaming);
      },
    };
    this.run = piped;
    this.ttyDirect = true;
    this.ttyDirectUsed = false;
    let left: LineResult | undefined;
    try {
      left = await this.tryFastPath(split.left);
    } finally {
      this.run = run;
    }
    if (!left) return undefined;
    input += left.stdout;
    await chain;
    if (left.stderr) run.emit(left.stderr, 'stderr');
    // SIGINT reaches every stage: nothing more is printed.
    const exitCode = run.interrupted() ? INTERRUPTED_EXIT_CODE : closed ? last.exitCode : (await runRest(true), last.exitCode);
    this.state.env.set('?', String(exitCode));
    this.state.lastExitCode = exitCode;
    return { stdout: '', stderr: '', exitCode };
  }

  private expandAlias(words: string[] | undefined): string[] | undefined {
    if (!words || words.length === 0) return undefined;
    const alias = this.state.env.get(`BASH_ALIAS_${words[0]}`);
    if (alias === undefined) return words;
    const expanded = FAST_LINE.test(alias) && !/\s$/.test(alias) ? splitPlainWords(alias) : undefined;
    return expanded && expanded.length > 0 ? [...expanded, ...words.slice(1)] : undefined;
  }

  private addHistory(line: string): void {
    const entry = line.replace(/\n+$/, '');
    if (this.history[this.history.length - 1] !== entry && !entry.startsWith(' ')) this.history.push(entry);
    if (this.history.length > 1000) this.history.shift(); // HISTSIZE=1000, Ubuntu's default
  }

  private carryState(env: Record<string, string>, exitCode: number): void {
    const st = this.state;
    const next = new Map(Object.entries(env));
    next.set('?', String(exitCode));
    st.env = next;
    const pwd = env.PWD;
    if (pwd && this.fs.isDirectorySync(pwd)) st.cwd = pwd;
    if (env.OLDPWD) st.previousDir = env.OLDPWD;
    st.lastExitCode = exitCode;
    for (const fn of this.lineFunctions ?? []) st.functions.set(fn.name, fn);
    for (const name of this.lineUnsets) st.functions.delete(name);
  }

  private internalCommands(): Command[] {
    return [
      defineCommand(RANDOM_COMMAND, async () => ({ stdout: `${this.rng.int(32768)}\n`, stderr: '', exitCode: 0 })),
      defineCommand(SECONDS_COMMAND, async () => ({
        stdout: `${Math.floor((this.current().nowMs() - this.options.startMs) / 1000)}\n`,
        stderr: '',
        exitCode: 0,
      })),
      defineCommand(INTERRUPT_CHECK_COMMAND, async (args, ctx) => {
        if (this.run?.interrupted()) stopLine(ctx);
        return { stdout: '', stderr: '', exitCode: Number(args[0]) || 0 };
      }),
    ];
  }
}

/**
 * Ends the running line at once, keeping the output produced so far: just-bash
 * unwinds on a limit error and returns what was written before it.
 */
export function stopLine(ctx: { executionScope?: { consumeLimited(kind: string, n: number, max: number, site?: string): number } }): never {
  ctx.executionScope?.consumeLimited('interrupt', 1, 0, 'interrupt');
  throw new Error('interrupted');
}

function cleanStderr(s: string): string {
  if (!s) return s;
  return s
    .split('\n')
    .filter((l) => !l.startsWith(INTERRUPT_MARK))
    .join('\n')
    .replace(LIMIT_HINT, ' (the shell stops runaway commands)');
}

/** Characters a fast-path line may contain: no expansion, redirection, globbing or escapes. */
const FAST_LINE = /^[\w \t.,:=\/@%+\-'"]*$/;

/** Splits on blanks, honouring '…' and "…" (FAST_LINE already excludes $, `, \ inside them). */
function splitPlainWords(line: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | null = null;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) return undefined;
  if (has) out.push(cur);
  return out;
}

/** `cmd args…` with no pipes, lists, redirections, substitutions or compound syntax. */
export function isSingleSimpleCommand(line: string): boolean {
  const bare = line.replace(/'[^']*'|"[^"$`]*"/g, '').replace(/\$\{?\w+\}?/g, '');
  return !/[|&;<>()`$\n{}]/.test(bare);
}
