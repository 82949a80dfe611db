import type { ContainerFs } from '../types';
import type { KubeletNetworkPort } from '../network-port';
import type { TrafficSource } from '../../network/service';

/**
 * What a running program asks of the process runner. Programs are generators:
 * they run synchronously until they yield an effect, and the runner resumes
 * them on the virtual clock.
 */
export type Effect =
  /** Sleep for ms of virtual time. `background` timers do not keep settle() going. */
  | { kind: 'sleep'; ms: number; background?: boolean }
  /** Wait forever (a server, `tail -f`, `sleep infinity`): only a signal ends it. */
  | { kind: 'block' };

/** A program returns its exit code. */
export type Program = Generator<Effect, number, void>;

export interface Io {
  stdin: string;
  /**
   * The container's stdin is an open stream nobody has written to yet
   * (`stdin: true` or `tty: true` in the spec): a program that reads it — an
   * interactive `sh`, a bare `cat` — waits instead of reading end-of-file.
   */
  stdinOpen?: boolean;
  out(text: string): void;
  err(text: string): void;
}

/** The container a program runs in. */
export interface ProcessHost {
  nowMs(): number;
  hostname: string;
  /** The container's image reference as written in the spec (`busybox:1.28`): some tools print per version. */
  image?: string;
  fs: ContainerFs;
  /** Outbound traffic (absent without a network service). */
  network?: KubeletNetworkPort;
  source: TrafficSource;
  /** Listen on a TCP port with an HTTP handler (servers). */
  listen(port: number, handler?: HttpHandler): void;
  /** Resident memory of the process (bytes): going above the container's limit OOM-kills it. */
  setMemory(bytes: number): void;
  /** CPU the process burns (millicores), for metrics. */
  setCpu(millis: number): void;
  /** Process list for `ps` (pid 1 is the container's main process). */
  processes(): { pid: number; cmd: string }[];
  /** Node facts (`nproc`, nginx worker count, uname). */
  cpus: number;
  kernel: string;
  /** The node's memory (MemTotal, bytes) and boot time (virtual ms) for `free` and `uptime`; defaults 4 GiB / the container's start. */
  node?: { memoryBytes: number; bootMs: number };
}

export interface HttpRequestIn {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  remoteIP: string;
}

export interface HttpReply {
  status: number;
  statusText?: string;
  headers?: Record<string, string>;
  body: string;
}

export type HttpHandler = (req: HttpRequestIn) => HttpReply | { error: 'connection reset' | 'timeout' | 'empty reply' };

/** Thrown by `exit`; carries the status. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** Thrown by `break`/`continue`. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
