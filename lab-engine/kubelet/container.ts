import type { KubeObject } from '../api/types';
import type { ResolvedImage } from './images/catalogue';
import type { ContainerFsImpl } from './fs';
import type { ProcessRun } from './process/process';
import { LogBuffer } from './log-buffer';
import { CpuMeter } from './cpu-meter';
import type { ProbeRunner } from './probes';

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export type ContainerState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAtMs: number }
  | { kind: 'terminated'; exitCode: number; reason: string; message?: string; startedAtMs: number; finishedAtMs: number; containerID: string; signal?: number };

/**
 * One container of a pod across its restarts: what the CRI knows (state,
 * the current and the previous instance, logs) plus the kubelet's view
 * (ready, started, restart count, probes).
 */
export class ContainerInstance {
  state: ContainerState = { kind: 'waiting', reason: 'ContainerCreating' };
  lastTerminated?: Extract<ContainerState, { kind: 'terminated' }>;
  restartCount = 0;
  instances = 0;
  ready = false;
  started = false;
  containerID = '';
  image?: ResolvedImage;
  process?: ProcessRun;
  fs?: ContainerFsImpl;
  env: Record<string, string> = {};
  logs: LogBuffer;
  previousLogs?: LogBuffer;
  pulling = false;
  probes?: ProbeRunner;
  /** Why the running instance was killed by the kubelet (liveness), to word the next state. */
  killReason?: 'liveness' | 'startup';
  /** Set when the kubelet is waiting out a back-off or a retry for this container. */
  retryTimer?: () => void;
  load = { cpuMillis: 0, memoryBytes: 0 };
  /** CPU work done serving requests (reset per instance: a new cgroup). */
  cpu = new CpuMeter(0);
  pullFailedAtMs?: number;
  pulledAtMs?: number;
  /** The running instance's main process is a shell reading its stdin (`sh` with `stdin: true`): its name. */
  interactiveShell?: string;
  /** The running instance's main process reads its open stdin to end-of-file (a shell, `cat`): its argv. */
  stdinReader?: string[];

  /** Set when the spec (image) changed: the next start is due whatever the restart policy, without back-off. */
  specChanged = false;

  constructor(
    /** Replaced when the pod's container image is updated (the only container field a pod update may change). */
    public spec: KubeObject,
    readonly kind: ContainerKind,
    private readonly salt: number,
  ) {
    this.logs = new LogBuffer(salt);
  }

  get name(): string {
    return this.spec.name;
  }

  isRunning(): boolean {
    return this.state.kind === 'running';
  }

  /** Rotates logs for a new instance (the previous one stays for `logs --previous`). */
  newInstance(): void {
    if (this.instances > 0) {
      this.previousLogs = this.logs;
      this.logs = new LogBuffer(this.salt + this.instances);
    }
    this.instances++;
  }
}
