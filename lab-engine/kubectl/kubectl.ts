import type { ApiClient } from '../api/client';
import type { CommandContext, CommandIO, CommandSpec, FlagSpec, KubectlHost, ParsedFlags } from './types';
import { KubectlError } from './types';
import { FlagError, flagString, flagStrings, parseFlags, stripFlags } from './args';
import { flagsFromHelp, helpText } from './help/flags-from-help';
import { checkErr, klogLine } from './check-err';
import { COMMANDS } from './commands';
import { connectionError, resolveConnection } from './connection';
import { checkImpersonation, kubectlIdentity } from '../security/authn/kubectl-credentials';

/**
 * `kubectl <argv…>`: finds the command the way cobra's Command.Find does,
 * parses its flags with pflag semantics, answers `--help` with the recorded
 * kubectl v1.32.4 text, runs it and prints errors as kubectl's CheckErr.
 * Returns the exit code.
 */
export async function runKubectl(argv: string[], host: KubectlHost, io: CommandIO, commands: readonly CommandSpec[] = COMMANDS): Promise<number> {
  const root: CommandSpec = { use: 'kubectl', short: '', flags: [], subcommands: [...commands] };
  const found = findCommand(root, argv);
  if ('error' in found) return found.error(io);
  const { path, spec, rest } = found;
  const pathStr = path.join(' ');
  let flags: ParsedFlags;
  try {
    flags = parseFlags(effectiveFlags(spec, pathStr), rest);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    io.err(`Error: ${e.message}\nSee '${['kubectl', ...path].join(' ')} --help' for usage.\n`);
    return 1;
  }
  printDeprecations(effectiveFlags(spec, pathStr), flags, io);
  if (flags.values.help === true) return printHelp(pathStr, spec, io);
  if (!spec.run && path.length === 0 && flags.args.length === 0) return printHelp('', spec, io);
  if (!spec.run) return runGroup(path, pathStr, spec, flags, io);
  const missing = (spec.requiredFlags ?? []).filter((f) => !flags.changed.has(f));
  if (missing.length > 0) {
    const names = missing.map((m) => `\\"${m}\\"`).join(' ');
    io.err(klogLine('E', host.cluster.clock, 'run.go:72', `"command failed" err="required flag(s) ${names} not set"`));
    return 1;
  }
  try {
    const explicitConfig = flagString(flags, 'kubeconfig');
    if (explicitConfig) host.useKubeconfigFile?.(explicitConfig, path[0] === 'config' && CREATING_CONFIG_VERBS.has(path[1] ?? ''));
    const ctx = buildContext(host, io, flags, path);
    ctx.argv = argv;
    return await spec.run(ctx);
  } catch (e) {
    return checkErr(e, io);
  }
}

/** `kubectl config` verbs that create a missing --kubeconfig file (clientcmd ModifyConfig). */
const CREATING_CONFIG_VERBS = new Set(['set', 'set-cluster', 'set-context', 'set-credentials', 'use-context', 'use']);

type Found = { path: string[]; spec: CommandSpec; rest: string[] } | { error: (io: CommandIO) => number };

/** cobra Command.Find: descend by the first non-flag word at each level. */
function findCommand(root: CommandSpec, argv: string[]): Found {
  let spec = root;
  const path: string[] = [];
  let rest = argv;
  for (let depth = 0; depth < 8; depth++) {
    const words = stripFlags(rest, effectiveFlags(spec, path.join(' ')));
    const child = words.length > 0 ? findChild(spec, words[0]) : undefined;
    if (!child) {
      if (spec === root && words.length > 0) return { error: (io) => unknownRootCommand(argv, words[0], root, io) };
      break;
    }
    rest = argsMinusFirst(rest, words[0]);
    path.push(commandName(child));
    spec = child;
  }
  if (spec === root) return { path: [], spec: { ...root, run: undefined }, rest };
  return { path, spec, rest };
}

export function commandName(spec: CommandSpec): string {
  return spec.use.split(' ')[0];
}

function findChild(spec: CommandSpec, word: string): CommandSpec | undefined {
  return spec.subcommands?.find((c) => commandName(c) === word || (c.aliases ?? []).includes(word));
}

function argsMinusFirst(args: string[], word: string): string[] {
  const i = args.indexOf(word);
  return i < 0 ? args : [...args.slice(0, i), ...args.slice(i + 1)];
}

/**
 * The root's answer to a word that is no command: kubectl's plugin handler
 * first (`flags cannot be placed before plugin name`), then cobra's
 * `unknown command` with SuggestionsFor (Levenshtein ≤ 2 or prefix).
 */
function unknownRootCommand(argv: string[], word: string, root: CommandSpec, io: CommandIO): number {
  if (argv[0].startsWith('-')) {
    io.err(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
    return 1;
  }
  const suggestions = suggestionsFor(word, KUBECTL_COMMAND_ORDER);
  let msg = `Error: unknown command ${JSON.stringify(word)} for "kubectl"\n`;
  if (suggestions.length > 0) msg += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n`;
  io.err(msg);
  void root;
  return 1;
}

/** Top-level commands in the order kubectl's cmd.go adds them (cobra suggests in that order). */
export const KUBECTL_COMMAND_ORDER = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

/** cobra's SuggestionsFor with SuggestionsMinimumDistance = 2. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const t = typed.toLowerCase();
  // The typed word itself is never suggested (cobra would have found it); it can only be a
  // kubectl command this emulation does not have (`debug`, `proxy`…).
  return names.filter((n) => n.toLowerCase() !== t && (levenshtein(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t) || (SUGGEST_FOR[n] ?? []).includes(t)));
}

/** cobra Command.SuggestFor of kubectl's commands (recorded: `kubectl list`, `kubectl ps` suggest get and wait). */
const SUGGEST_FOR: Record<string, string[]> = { get: ['list', 'ps'], wait: ['list', 'ps'] };

function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

const HELP_FLAG: FlagSpec = { name: 'help', shorthand: 'h', type: 'bool', defValue: 'false', usage: 'help' };

/** Strings flags with pflag NoOptDefVal set by kubectl (cmdutil.AddDryRunFlag, AddValidateFlags, delete's --cascade). */
const NO_OPT_DEFAULTS: Record<string, string> = { 'dry-run': 'unchanged', validate: 'strict', cascade: 'background' };

const flagCache = new Map<string, FlagSpec[]>();

/** Global flags + the command's flags from its help text + flags the spec declares (hidden ones, overrides). */
export function effectiveFlags(spec: CommandSpec, pathStr: string): FlagSpec[] {
  const key = `${pathStr}\u0000${spec.use}`;
  const cached = flagCache.get(key);
  if (cached && spec.flags.length === 0) return cached;
  const byName = new Map<string, FlagSpec>();
  for (const f of flagsFromHelp('')) byName.set(f.name, f);
  if (pathStr !== '') for (const f of flagsFromHelp(pathStr)) byName.set(f.name, f);
  for (const f of spec.flags) byName.set(f.name, f);
  byName.set('help', HELP_FLAG);
  for (const [name, v] of Object.entries(NO_OPT_DEFAULTS)) {
    const f = byName.get(name);
    if (f && f.type === 'string' && f.noOptDefValue === undefined) byName.set(name, { ...f, noOptDefValue: v });
  }
  // A local flag's shorthand shadows nothing: drop a global shorthand that a local flag reuses.
  const list = [...byName.values()];
  if (spec.flags.length === 0) flagCache.set(key, list);
  return list;
}

/** pflag prints a notice for each deprecated flag the user set. */
function printDeprecations(specs: FlagSpec[], flags: ParsedFlags, io: CommandIO): void {
  for (const f of specs) if (f.deprecated && flags.changed.has(f.name)) io.err(`Flag --${f.name} has been deprecated, ${f.deprecated}\n`);
}

function printHelp(pathStr: string, spec: CommandSpec, io: CommandIO): number {
  const text = helpText(pathStr);
  if (text !== undefined) io.out(text);
  else io.out(`${spec.long ?? spec.short}\n\nUsage:\n  kubectl ${spec.use}\n`);
  return 0;
}

/**
 * kubectl's DefaultSubCommandRun(ErrOut) for a command group without Run
 * (`kubectl set`, `create secret`): RequireNoArguments, help on stderr, exit 1.
 */
function runGroup(path: string[], pathStr: string, spec: CommandSpec, flags: ParsedFlags, io: CommandIO): number {
  if (flags.args.length > 0) {
    io.err(`error: unknown command ${JSON.stringify(flags.args.join(' '))}\nSee '${['kubectl', ...path].join(' ')} -h' for help and examples\n`);
    return 1;
  }
  const text = helpText(pathStr);
  io.err(text ?? `${spec.long ?? spec.short}\n`);
  return 1;
}

function buildContext(host: KubectlHost, io: CommandIO, flags: ParsedFlags, path: string[]): CommandContext {
  const conn = resolveConnection(host, flags);
  let api: ApiClient | undefined;
  const ctx = {
    flags,
    io,
    host,
    path,
    namespace: flagString(flags, 'namespace') || conn.namespace || 'default',
    namespaceExplicit: flags.changed.has('namespace'),
    get api(): ApiClient {
      if (conn.unreachable) throw connectionError(host, conn.server, io);
      if (!api) api = printingWarnings(impersonate(host, flags), io);
      return api;
    },
  };
  return ctx as CommandContext;
}

/** The API calls whose responses may carry `Warning` headers (writes, and reads of deprecated APIs). */
const REQUESTS = new Set(['get', 'tryGet', 'list', 'create', 'update', 'updateStatus', 'patch', 'delete']);

/**
 * client-go's warning handler as kubectl installs it (kubectl/pkg/cmd/cmd.go:
 * `rest.NewWarningWriter(ErrOut, {Deduplicate: true, Color: AllowsColorOutput})`):
 * each warning of a response is printed to stderr as `Warning: <text>` when the
 * response arrives — before the command prints its result — and only the first
 * time in one kubectl run. Printed without colour (stderr may be redirected; see
 * docs/decisions.md).
 */
function printingWarnings(api: ApiClient, io: CommandIO): ApiClient {
  const seen = new Set<string>();
  const flush = () => {
    for (const w of api.takeWarnings()) {
      if (seen.has(w)) continue;
      seen.add(w);
      io.err(`Warning: ${w}\n`);
    }
  };
  api.takeWarnings(); // a fresh client has none; be safe with long-lived ones
  return new Proxy(api, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !REQUESTS.has(prop) || typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        try {
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          flush();
        }
      };
    },
  });
}

function impersonate(host: KubectlHost, flags: ParsedFlags): ApiClient {
  const identity = kubectlIdentity(host, flags, kubeconfigDir(host, flags));
  const as = flagString(flags, 'as');
  if (!identity.admin && !as) return host.cluster.api(identity.user);
  if (!identity.admin) checkImpersonation(host, identity.user, as);
  if (!as) return host.cluster.api();
  if (flags.changed.has('as') && as === '') return host.cluster.api();
  const groups = [...flagStrings(flags, 'as-group'), 'system:authenticated'];
  return host.cluster.api({ username: as, groups });
}

/** The directory relative kubeconfig paths resolve against (clientcmd ResolveLocalPaths). */
function kubeconfigDir(host: KubectlHost, flags: ParsedFlags): string {
  const path = flagString(flags, 'kubeconfig') || host.kubeconfigPath?.() || '/root/.kube/config';
  const abs = path.startsWith('/') ? path : `${host.cwd().replace(/\/$/, '')}/${path}`;
  return abs.replace(/\/[^/]*$/, '') || '/';
}

export { KubectlError };
