import type { ClusterContext } from '../sim/context';
import type { ApiClient } from '../api/client';

/**
 * Contracts between the kubectl emulation, its commands and the shell that
 * hosts it. Commands are one file each in `kubectl/commands/<verb>.ts`,
 * exporting a `CommandSpec`.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration' | 'stringToString';

/** One flag, as cobra/pflag declares it. */
export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Default value as pflag prints it in help (`'[]'`, `'-1'`, `'false'`, `'0s'`). */
  defValue?: string;
  usage: string;
  hidden?: boolean;
  /** For bool flags with NoOptDefVal etc.; for string flags like --dry-run whose bare form means "unchanged". */
  noOptDefValue?: string;
  deprecated?: string;
}

export type FlagValue = string | boolean | number | string[] | Record<string, string>;

export interface ParsedFlags {
  /** Value of every declared flag (defaults filled in), by long name. */
  values: Record<string, FlagValue>;
  /** Names of flags the user actually set. */
  changed: Set<string>;
  /** Positional arguments, with everything after `--` in `afterDash`. */
  args: string[];
  afterDash: string[];
  /** Index into args where `--` appeared (cobra ArgsLenAtDash), or -1. */
  argsLenAtDash: number;
}

/** What kubectl needs from where it runs (the shell session or a test). */
export interface KubectlHost {
  readonly cluster: ClusterContext;
  /** Working directory, for relative paths in `-f`. */
  cwd(): string;
  readFile(path: string): string | undefined;
  writeFile(path: string, content: string): void;
  isDirectory(path: string): boolean;
  listDir(path: string): string[];
  /** Mutable kubeconfig (~/.kube/config) state. */
  kubeconfig: KubeconfigState;
  /**
   * Opens the editor on `content` (kubectl edit). Resolves to the saved text,
   * or null if the user quit without saving.
   */
  edit(content: string, fileName: string): Promise<string | null>;
  /** Lets virtual time pass (streaming commands); rejects with Interrupted on Ctrl-C. */
  sleep(ms: number): Promise<void>;
  /** True once the user pressed Ctrl-C for this command. */
  interrupted(): boolean;
  /** Terminal width, for commands that care. */
  columns(): number;
  /** The kubeconfig file in use ($KUBECONFIG's first entry or ~/.kube/config), when the host has files. */
  kubeconfigPath?(): string;
  /** `--kubeconfig FILE`: switch this command to that file (create it for `config set-*`). */
  useKubeconfigFile?(path: string, create: boolean): void;
  /**
   * Attaches the terminal to a container's main process (`kubectl run --rm -it`,
   * `kubectl attach -it`): the shell owns the interactive session and resolves
   * when it ends (0, or the status of a session that failed on its own). Optional: hosts without a TTY
   * (tests, the script runner) may omit it.
   */
  attach?(opts: { namespace: string; pod: string; container: string; stdin: boolean; tty: boolean; input?: string }): Promise<number>;
  /**
   * True when kubectl's stdin is the learner's terminal (not a pipe or a file): `-t` gets a raw
   * TTY only then (exec.go SetupTTY). Hosts without it count as a terminal.
   */
  stdinIsTerminal?(): boolean;
  /**
   * True when kubectl's stdout is the learner's terminal (not a pipe, a file or `$(…)`): a few
   * commands print differently there (create_token.go adds a newline only on a terminal). Hosts
   * without it count as not a terminal.
   */
  stdoutIsTerminal?(): boolean;
  /**
   * An interactive session is about to take the terminal (attach, exec -it): show what kubectl wrote to
   * stderr so far (the prompt hint, TTY notices) before it, even when the line's output is collected.
   */
  flushStderr?(): void;
}

export interface KubeconfigState {
  currentContext: string;
  contexts: { name: string; cluster: string; user: string; namespace?: string }[];
  clusters: { name: string; server: string; certificateAuthorityData?: string; certificateAuthority?: string; insecureSkipTlsVerify?: boolean; tlsServerName?: string; proxyUrl?: string }[];
  users: KubeconfigUser[];
}

/** A kubeconfig `users[].user` (clientcmd api.AuthInfo): embedded data or file paths, a token, basic auth. */
export interface KubeconfigUser {
  name: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  clientCertificate?: string;
  clientKey?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
}

export interface CommandIO {
  stdin: string;
  out(s: string): void;
  err(s: string): void;
}

/** Everything a command's run() gets. */
export interface CommandContext {
  flags: ParsedFlags;
  io: CommandIO;
  host: KubectlHost;
  /** Client for the current user (`--as` applied). */
  api: ApiClient;
  /** Namespace from -n, else the kubeconfig context's, else "default". */
  namespace: string;
  /** True when -n/--namespace was given explicitly. */
  namespaceExplicit: boolean;
  /** The full command path, e.g. ["create", "deployment"]. */
  path: string[];
  /** The command line as typed after `kubectl` (for --record's change-cause). */
  argv?: string[];
}

export interface CommandSpec {
  /** cobra Use, e.g. "get [(-o|--output=)json|yaml|name|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]". */
  use: string;
  aliases?: string[];
  short: string;
  long?: string;
  example?: string;
  flags: FlagSpec[];
  subcommands?: CommandSpec[];
  /** Flags cobra marks required (MarkFlagRequired): missing → klog `required flag(s) "x" not set`. */
  requiredFlags?: string[];
  /** Returns the exit code. Throwing an ApiError prints it the way kubectl's CheckErr does. */
  run?(ctx: CommandContext): Promise<number> | number;
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** A kubectl usage/client error: printed as `error: <message>` with exit code 1 (CheckErr). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Print the message verbatim (no "error: " prefix). */
    readonly raw = false,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}
