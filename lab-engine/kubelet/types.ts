import type { KubeObject } from '../api/types';
import type { PodResponder } from '../network/service';

/**
 * The kubelet service, registered as `ctx.services.get('kubelet')` by
 * installKubelets. One object serves every node's kubelet. This is the
 * published contract for kubectl (logs, exec, cp), the shell (interactive
 * `kubectl exec -it … -- sh`), the network (PodResponder: who listens, how
 * they answer), metrics (usage) and node-failure labs (stopNode/startNode).
 *
 * Failures the API server would report are thrown as ApiError with its exact
 * messages (kubectl prints them as `Error from server (BadRequest): …`).
 */
export interface KubeletService extends PodResponder {
  /**
   * GET pods/log. Messages: `container "x" in pod "p" is waiting to start: ContainerCreating`,
   * `previous terminated container "c" in pod "p" not found`,
   * `a container name must be specified for pod p, choose one of: [a b]`,
   * `container x is not valid for pod p`, `pods "p" not found`.
   */
  logs(namespace: string, pod: string, opts?: LogOptions): string;
  /**
   * `logs -f`: returns the current text (as `logs`) and calls onChunk for every
   * line written later (on the virtual clock) until cancel() or the container exits
   * (then onEnd). Throws like `logs`.
   */
  followLogs(namespace: string, pod: string, opts: LogOptions, onChunk: (text: string) => void, onEnd?: () => void): { initial: string; cancel(): void };
  /**
   * POST pods/exec: runs argv inside the container's process model and filesystem.
   * `durationMs` is the virtual time the command took (e.g. `sleep 5`); the caller
   * advances the cluster clock by it if it wants to. Errors (thrown ApiError):
   * `container not found ("x")`, `unable to upgrade connection: container not found ("x")`,
   * `cannot exec into a container in a completed pod; current phase is Succeeded`.
   * A command that does not exist gives exitCode 127 (`sh: foo: not found`) in stderr,
   * or for a bare argv the OCI error kubectl shows
   * (`OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown`, exit 126).
   */
  /**
   * `kubectl attach` / `run -i`: connects to the running container's main process. Throws the
   * API server's error when the container cannot be attached (as `exec`).
   */
  attach(namespace: string, pod: string, container: string | undefined): AttachHandle;
  exec(namespace: string, pod: string, container: string | undefined, argv: string[], opts?: ExecOptions): ExecResult;
  /** The container's filesystem (image files + mounted volumes), for an interactive shell or `kubectl cp`. Throws like exec. */
  containerFs(namespace: string, pod: string, container?: string): ContainerFs;
  /** The container's resolved environment (what `env` prints inside it). Throws like exec. */
  containerEnv(namespace: string, pod: string, container?: string): Record<string, string>;
  /** Current resource usage of each running container of a pod (metrics-server's view). */
  podUsage(namespace: string, pod: string): ContainerUsage[];
  /** Node-level usage (sum of pods + system overhead), as metrics-server reports for `kubectl top node`. */
  nodeUsage(node: string): { cpuMillis: number; memoryBytes: number } | undefined;
  /**
   * Adds load to a pod (lab scenario or HPA demo): extra CPU millicores / memory
   * bytes per running container until cleared with 0. Also raised by HTTP requests served.
   */
  setLoad(namespace: string, pod: string, load: { cpuMillis?: number; memoryBytes?: number }): void;

  /** Stops a node's kubelet (`systemctl stop kubelet`): heartbeats and status updates stop; containers keep running. */
  stopNode(name: string): void;
  /** Starts it again: the Node becomes Ready after the next heartbeat. */
  startNode(name: string): void;
  isNodeRunning(name: string): boolean;
  /** `/etc/kubernetes/manifests/*.yaml` on a control-plane node (empty on workers). */
  staticPodManifests(node: string): { path: string; content: string }[];
  /** Images cached on a node (`crictl images`), name → size in bytes. */
  nodeImages(node: string): { name: string; sizeBytes: number }[];
}

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339 (kubectl --since-time). */
  sinceTime?: string;
  /** Prefix each line with its RFC 3339 nanosecond timestamp, as the kubelet does. */
  timestamps?: boolean;
  limitBytes?: number;
  /**
   * followLogs only: stream what the container writes as it writes it (CRI Attach), not
   * the log file's complete lines — output without newlines (`OK!OK!…`) shows at once.
   */
  raw?: boolean;
}

export interface ExecOptions {
  stdin?: string;
  /** Extra environment for this exec only (kubectl has no flag; the shell uses it). */
  env?: Record<string, string>;
  /** Working directory (default the image's WORKDIR or /). */
  cwd?: string;
  tty?: boolean;
}

/** A client attached to a container's main process (CRI Attach). */
export interface AttachHandle {
  /** The main process is an interactive shell reading the attached stdin (`sh`, `bash`): its name. */
  shell?: string;
  /** The main process reads its open stdin to end-of-file (`sh`, bare `cat`): its argv, to run piped input through. */
  stdinReader?: string[];
  /** True while the attached instance still runs. */
  running(): boolean;
  /**
   * Ctrl-C through the container's TTY: SIGINT to the main process, which only a handler it
   * installed lets through (PID 1). True when the process ends of it.
   */
  interrupt(): boolean;
  /** The attached shell ran `exit N`: the main process ends with N (the restart policy decides what follows). */
  exit(code: number): void;
  /**
   * The client went away. With `stdinOnce` the runtime closes stdin, so a process reading it gets
   * end-of-file and exits 0; otherwise stdin stays open for the next attach.
   */
  detach(): void;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Virtual milliseconds the command took. */
  durationMs: number;
  /** What it wrote and when (ms after the start): a Ctrl-C'd `kubectl exec` shows what came before it. */
  output?: { atMs: number; stream: 'stdout' | 'stderr'; text: string }[];
}

export interface FsStat {
  type: 'file' | 'dir';
  size: number;
  mode: number;
  readOnly: boolean;
}

/** A container's filesystem: paths are absolute; writes to read-only mounts throw FsError(EROFS). */
export interface ContainerFs {
  read(path: string): string | undefined;
  write(path: string, content: string, opts?: { append?: boolean }): void;
  stat(path: string): FsStat | undefined;
  list(path: string): string[] | undefined;
  mkdir(path: string, opts?: { parents?: boolean }): void;
  remove(path: string, opts?: { recursive?: boolean }): void;
}

export class FsError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY',
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}

export interface ContainerUsage {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

/**
 * Volume plugins beyond the kubelet's own (emptyDir, configMap, secret,
 * projected, downwardAPI, hostPath). The storage engineer registers one for
 * `persistentVolumeClaim` (and CSI/nfs if wanted) with
 * `registerVolumePlugin(ctx, plugin)` (kubelet/extension.ts), at any time.
 */
export interface VolumePlugin {
  /** The volume source field it handles: `persistentVolumeClaim`, `nfs`, `csi`, … */
  source: string;
  /**
   * MountVolume.SetUp. Return the shared directory that backs the volume (the same
   * VolumeDir object for every pod that mounts the same PV, so data is shared and
   * survives pod restarts), or an error message: the kubelet records
   * `MountVolume.SetUp failed for volume "<name>" : <error>` (FailedMount) and retries.
   * Return `{ pending: '<message>' }` to wait silently (e.g. PVC not bound yet).
   */
  setUp(pod: KubeObject, volume: KubeObject): { dir: VolumeDir } | { error: string } | { pending: string };
}

/** A directory tree backing a volume: relative path → file content. Shared by reference. */
export interface VolumeDir {
  files: Map<string, string>;
  dirs: Set<string>;
  readOnly?: boolean;
}
