import type { KubeObject } from '../api/types';
import type { ClusterContext } from '../sim/context';
import type { KindDef } from '../api/registry';
import { jsonEqual } from '../api/clone';
import { isApiError } from '../api/errors';
import { ContainerInstance, type ContainerKind } from './container';
import { CpuMeter } from './cpu-meter';
import { buildPodStatus, type PodRuntimeView } from './pod-status';
import { Backoff, goDuration } from './backoff';
import { pullDurationMs, resolveImage, sha, type ResolvedImage } from './images/catalogue';
import { parseImageRef } from './images/reference';
import { ContainerConfigError, expandRefs, resolveEnv } from './env';
import { setUpVolume, volumeSourceRefs, type VolumeContext } from './volumes';
import type { ExecResult, VolumeDir, VolumePlugin } from './types';
import { ContainerFsImpl, newVolumeDir, populate, type Mount } from './fs';
import { ProcessRun, type ExitReason, type SigintDisposition } from './process/process';
import { Shell, type CommandFn } from './process/interpreter';
import { baseCommands } from './process/commands';
import { imageCommands } from './process/programs';
import { nodeFacts } from './process/sysinfo';
import type { HttpHandler, ProcessHost } from './process/types';
import { ProbeRunner, type ProbeKind, type ProbeTarget } from './probes';
import type { KubeletNetworkPort } from './network-port';
import type { NodePlan } from './node-object';
import { KERNEL_VERSION } from './node-object';

/** What a pod worker needs from its node's kubelet. */
export interface NodeHost {
  readonly ctx: ClusterContext;
  readonly plan: NodePlan;
  readonly podDef: KindDef;
  readonly pullBackoff: Backoff;
  readonly crashBackoff: Backoff;
  readonly hostPaths: Map<string, VolumeDir>;
  readonly fallbackPVs: Map<string, VolumeDir>;
  running(): boolean;
  hasImage(fullName: string): boolean;
  addImage(img: ResolvedImage): void;
  allocateIP(key: string): string;
  releaseIP(key: string): void;
  network(): KubeletNetworkPort | undefined;
  volumePlugins(): VolumePlugin[];
  allocatable(): Record<string, string>;
  serviceEnv(namespace: string): Record<string, string>;
  forget(key: string): void;
}

const SANDBOX_MS = 1_000;
const UNKNOWN_IMAGE_PULL_MS = 1_200;
const CREATE_MS = 150;
const INTERACTIVE_SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);

/** `sh`, `/bin/bash -i`, `bash -l`: a shell that reads commands from its stdin (no `-c`, no script file). */
function isInteractiveShell(argv: string[]): boolean {
  const base = argv[0]?.split('/').pop() ?? '';
  // An image's docker-entrypoint.sh execs its arguments (`kubectl run -it x --image=nginx -- bash`).
  if (base === 'docker-entrypoint.sh' || base === 'entrypoint.sh') return isInteractiveShell(argv.slice(1));
  if (!INTERACTIVE_SHELLS.has(base)) return false;
  return argv.slice(1).every((a) => a.startsWith('-') && a !== '-c' && !/^-[a-z]*c/.test(a));
}

function interactiveShellName(argv: string[]): string {
  const base = argv[0].split('/').pop()!;
  return base === 'docker-entrypoint.sh' || base === 'entrypoint.sh' ? interactiveShellName(argv.slice(1)) : base;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'sleep', 'tail', 'pause', 'python', 'python3', 'node', 'stress']);
/** Main processes without a SIGINT handler besides SHELLS' non-shells (PID 1 ignores SIGINT then). */
const NO_SIGINT_HANDLER = new Set(['cat', 'tee', 'yes', 'top']);

function sigintDisposition(argv: string[], interactive: boolean): SigintDisposition {
  const base = argv[0]?.split('/').pop() ?? '';
  if (interactive) return 'ignored';
  if (INTERACTIVE_SHELLS.has(base)) return 'shell';
  return SHELLS.has(base) || NO_SIGINT_HANDLER.has(base) ? 'ignored' : 'handler';
}

/** A main process that reads its open stdin to end-of-file: an interactive shell, a bare `cat`. */
function readsStdin(argv: string[]): boolean {
  const base = argv[0]?.split('/').pop() ?? '';
  return isInteractiveShell(argv) || (base === 'cat' && argv.slice(1).every((a) => a === '-'));
}

/**
 * The kubelet's pod worker (pkg/kubelet/pod_workers.go + kuberuntime SyncPod)
 * for one pod: sandbox, volumes, init containers in order, native sidecars,
 * app containers, image pulls with back-off, crash-loop back-off, probes,
 * graceful termination, and the pod status it posts. `sync()` is idempotent:
 * it looks at what exists and does the next step; timers call it again.
 */
export class PodWorker {
  readonly key: string;
  uid: string;
  pod: KubeObject;
  initContainers: ContainerInstance[];
  containers: ContainerInstance[];
  sandboxState: 'none' | 'creating' | 'ready' = 'none';
  podIP?: string;
  startTimeMs?: number;
  volumes?: Map<string, VolumeDir>;
  emptyDirs = new Map<string, VolumeDir>();
  terminalPhase?: 'Succeeded' | 'Failed';
  terminating = false;
  removed = false;
  private mountRetry?: () => void;
  private mountBackoffMs = 0;
  private syncQueued = false;

  constructor(
    private readonly host: NodeHost,
    pod: KubeObject,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid!;
    this.key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const salt = parseInt(sha(this.uid).slice(0, 6), 16);
    const kindOf = (c: KubeObject): ContainerKind => (c.restartPolicy === 'Always' ? 'sidecar' : 'init');
    this.initContainers = (pod.spec?.initContainers ?? []).map((c: KubeObject, i: number) => new ContainerInstance(c, kindOf(c), salt + i * 97));
    this.containers = (pod.spec?.containers ?? []).map((c: KubeObject, i: number) => new ContainerInstance(c, 'regular', salt + 5000 + i * 97));
    for (const c of this.initContainers) c.state = { kind: 'waiting', reason: 'PodInitializing' };
    if (this.initContainers.length) for (const c of this.containers) c.state = { kind: 'waiting', reason: 'PodInitializing' };
  }

  get ctx(): ClusterContext {
    return this.host.ctx;
  }

  private now(): number {
    return this.ctx.clock.nowMs();
  }

  /** Coalesces syncs requested while one runs (timers, watch events). */
  requestSync(delayMs = 0, background = false): () => void {
    if (delayMs <= 0 && !background) {
      if (this.syncQueued) return () => {};
      this.syncQueued = true;
      return this.ctx.runtime.after(0, () => {
        this.syncQueued = false;
        this.sync();
      }, { label: `kubelet:${this.key}` });
    }
    return this.ctx.runtime.after(delayMs, () => this.sync(), { background, label: `kubelet:${this.key}` });
  }

  allContainers(): ContainerInstance[] {
    return [...this.initContainers, ...this.containers];
  }

  // ---- the sync loop ---------------------------------------------------------

  sync(): void {
    if (this.removed || !this.host.running()) return;
    const stored = this.ctx.store.peek('pods', this.pod.metadata.namespace!, this.pod.metadata.name!);
    if (!stored || stored.metadata.uid !== this.uid) {
      this.teardown();
      return;
    }
    this.pod = stored;
    if (stored.metadata.deletionTimestamp) return this.syncTerminating();
    this.applySpecChanges();
    if (this.terminalPhase) return;
    if (this.sandboxState !== 'ready') return this.syncSandbox();
    if (!this.mountVolumes()) return this.postStatus();
    if (this.checkDeadline()) return this.postStatus();
    if (this.syncInitContainers()) this.syncAppContainers();
    this.decideTerminal();
    this.postStatus();
  }

  private syncSandbox(): void {
    if (this.sandboxState === 'none') {
      this.sandboxState = 'creating';
      this.startTimeMs = this.now();
      this.postStatus();
      this.ctx.runtime.after(SANDBOX_MS, () => {
        this.sandboxState = 'ready';
        this.podIP = this.pod.spec?.hostNetwork ? this.host.plan.internalIP : this.host.allocateIP(this.key);
        this.sync();
      }, { label: `kubelet:sandbox:${this.key}` });
    }
  }

  /** activeDeadlineSeconds (kubelet active_deadline.go). */
  private checkDeadline(): boolean {
    const ads = this.pod.spec?.activeDeadlineSeconds;
    if (ads === undefined || this.startTimeMs === undefined) return false;
    const due = this.startTimeMs + ads * 1000;
    if (this.now() < due) {
      this.requestSync(due - this.now(), true);
      return false;
    }
    this.event('Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline');
    this.killAll(0);
    this.terminalPhase = 'Failed';
    this.reason = 'DeadlineExceeded';
    this.message = 'Pod was active on the node longer than the specified deadline';
    return true;
  }

  reason?: string;
  message?: string;

  private mountVolumes(): boolean {
    if (this.volumes) return true;
    if (this.mountRetry) return false;
    const vctx = this.volumeContext();
    const dirs = new Map<string, VolumeDir>();
    for (const v of this.pod.spec?.volumes ?? []) {
      const r = setUpVolume(v, vctx);
      if ('dir' in r) {
        dirs.set(v.name, r.dir);
        continue;
      }
      if ('error' in r) this.event('Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${v.name}" : ${r.error}`);
      // volume manager retry: exponential from 500 ms up to 2m2s (nestedpendingoperations).
      this.mountBackoffMs = Math.min(this.mountBackoffMs ? this.mountBackoffMs * 2 : 500, 122_000);
      this.mountRetry = this.ctx.runtime.after(this.mountBackoffMs, () => {
        this.mountRetry = undefined;
        this.sync();
      }, { background: true, label: `kubelet:mount:${this.key}` });
      return false;
    }
    this.volumes = dirs;
    return true;
  }

  /**
   * Refreshes mounted configMap/secret/projected/downwardAPI volumes in place (the kubelet's
   * periodic volume sync; here 10 s after the source changes). Env vars never change.
   */
  refreshVolumes(): void {
    if (!this.volumes || this.refreshPending || this.removed) return;
    this.refreshPending = true;
    this.ctx.runtime.after(10_000, () => {
      this.refreshPending = false;
      if (this.removed || !this.volumes || !this.host.running()) return;
      const vctx = this.volumeContext();
      for (const v of this.pod.spec?.volumes ?? []) {
        if (!(v.configMap || v.secret || v.projected || v.downwardAPI)) continue;
        const r = setUpVolume(v, vctx);
        const dir = this.volumes.get(v.name);
        if (!('dir' in r) || !dir) continue;
        dir.files = r.dir.files;
        dir.dirs = r.dir.dirs;
      }
    }, { label: `kubelet:volume-refresh:${this.key}` });
  }

  private refreshPending = false;

  private volumeContext(): VolumeContext {
    return {
      pod: this.pod,
      peek: (r, ns, n) => this.ctx.store.peek(r, ns, n),
      plugins: this.host.volumePlugins(),
      hostPaths: this.host.hostPaths,
      fallbackPVs: this.host.fallbackPVs,
      allocatable: this.host.allocatable(),
      emptyDirs: this.emptyDirs,
    };
  }

  /** Retries a blocked mount or config at once (a ConfigMap/Secret/PVC it waits for changed). */
  kick(changed?: { resource: string; name: string }): void {
    const refs = (this.pod.spec?.volumes ?? []).flatMap((v: KubeObject) => volumeSourceRefs(v));
    if (changed && refs.some((r: { kind: string; name: string }) => r.kind === changed.resource && r.name === changed.name)) this.refreshVolumes();
    this.mountRetry?.();
    this.mountRetry = undefined;
    this.mountBackoffMs = 0;
    for (const c of this.allContainers()) {
      if (c.state.kind === 'waiting' && c.state.reason === 'CreateContainerConfigError') {
        c.retryTimer?.();
        c.retryTimer = undefined;
      }
    }
    this.requestSync();
  }

  /** Runs init containers in order; returns true when all are done (sidecars started). */
  private syncInitContainers(): boolean {
    for (const c of this.initContainers) {
      if (c.kind === 'sidecar') {
        if (c.isRunning() && c.started) continue;
        if (!c.isRunning()) this.ensureStarted(c);
        return false;
      }
      if (c.state.kind === 'terminated' && c.state.exitCode === 0) continue;
      if (c.isRunning()) return false;
      if (c.state.kind === 'terminated' && this.policy() === 'Never') return false;
      this.ensureStarted(c);
      return false;
    }
    for (const c of this.containers) if (c.state.kind === 'waiting' && c.state.reason === 'PodInitializing' && !c.pulling) c.state = { kind: 'waiting', reason: 'ContainerCreating' };
    return true;
  }

  private syncAppContainers(): void {
    for (const c of this.containers) {
      if (c.isRunning()) continue;
      if (c.state.kind === 'terminated' && !this.shouldRestart(c)) continue;
      if (c.state.kind === 'waiting' && c.lastTerminated && !this.shouldRestart(c)) continue;
      if (!this.ensureStarted(c)) return; // serialized image pulls: the next container waits
    }
  }

  /**
   * kuberuntime_manager.go computePodActions: a container whose spec hash
   * changed (for a pod, only `image` can) is killed with "Container X
   * definition changed, will be restarted" and started again whatever the
   * restart policy; its back-off key carries the new hash, so no back-off.
   * Init containers that already ran are not run again.
   */
  private applySpecChanges(): void {
    for (const c of this.containers) {
      const next = (this.pod.spec?.containers ?? []).find((x: KubeObject) => x.name === c.name);
      if (!next || next.image === c.spec.image) continue;
      c.spec = next;
      c.specChanged = true;
      c.retryTimer?.(); // a pending pull/crash back-off belonged to the old image
      c.retryTimer = undefined;
      if (!c.isRunning()) continue;
      this.eventFor(c, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`);
      c.process?.terminate((this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
    }
  }

  private policy(): string {
    return this.pod.spec?.restartPolicy ?? 'Always';
  }

  private shouldRestart(c: ContainerInstance): boolean {
    if (c.specChanged) return true;
    const last = c.state.kind === 'terminated' ? c.state : c.lastTerminated;
    if (!last) return true;
    const p = this.policy();
    return p === 'Always' || (p === 'OnFailure' && last.exitCode !== 0);
  }

  /** Decides Succeeded/Failed once nothing will run again (restartPolicy Never/OnFailure). */
  private decideTerminal(): void {
    const p = this.policy();
    if (p === 'Always') return;
    const initFailed = this.initContainers.some((c) => c.kind === 'init' && c.state.kind === 'terminated' && c.state.exitCode !== 0);
    if (initFailed && p === 'Never') {
      this.finishPod('Failed');
      return;
    }
    const all = this.containers;
    if (!all.length || !all.every((c) => c.state.kind === 'terminated' && !this.shouldRestart(c))) return;
    this.finishPod(all.some((c) => c.state.kind === 'terminated' && c.state.exitCode !== 0) ? 'Failed' : 'Succeeded');
  }

  private finishPod(phase: 'Succeeded' | 'Failed'): void {
    this.terminalPhase = phase;
    this.killAll(0);
    for (const c of this.allContainers()) c.ready = false;
  }

  // ---- starting a container ----------------------------------------------------

  /** Returns false while an image pull is in progress (the caller stops there). */
  private ensureStarted(c: ContainerInstance): boolean {
    if (c.pulling) return false;
    if (c.retryTimer) return true;
    if (this.inCrashBackoff(c)) return true;
    const img = this.ensureImage(c);
    if (img === 'pulling') return false;
    if (!img) return true;
    c.image = img;
    let env: Record<string, string>;
    try {
      env = this.containerEnv(c, img);
    } catch (e) {
      if (!(e instanceof ContainerConfigError)) throw e;
      c.state = { kind: 'waiting', reason: 'CreateContainerConfigError', message: e.message };
      this.eventFor(c, 'Warning', 'Failed', `Error: ${e.message}`);
      this.retryLater(c, 10_000);
      return true;
    }
    this.startContainer(c, img, env);
    return true;
  }

  /** Waits out a back-off (a background timer: a crash loop must not keep settle() busy), then syncs. */
  private retryLater(c: ContainerInstance, waitMs: number): void {
    c.retryTimer?.();
    c.retryTimer = this.ctx.runtime.after(Math.max(0, waitMs), () => {
      c.retryTimer = undefined;
      this.sync();
    }, { background: true, label: `kubelet:retry:${this.key}:${c.name}` });
  }

  private inCrashBackoff(c: ContainerInstance): boolean {
    if (c.pulledAtMs !== undefined) return false; // back-off was checked before the pull started
    if (c.specChanged) return false;
    const last = c.state.kind === 'terminated' ? c.state : c.lastTerminated;
    if (!last || c.state.kind === 'running') return false;
    if (c.state.kind === 'waiting' && c.state.reason !== 'CrashLoopBackOff' && c.state.reason !== 'ContainerCreating' && c.state.reason !== 'PodInitializing') return false;
    const key = `${this.uid}_${c.name}`;
    const now = this.now();
    // kuberuntime doBackOff: in back-off since the last exit → CrashLoopBackOff.
    if (this.host.crashBackoff.isInBackOffSince(key, last.finishedAtMs, now)) {
      const delay = this.host.crashBackoff.get(key);
      const msg = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`;
      if (c.state.kind === 'terminated') c.lastTerminated = c.state;
      c.state = { kind: 'waiting', reason: 'CrashLoopBackOff', message: msg };
      this.eventFor(c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`);
      this.retryLater(c, last.finishedAtMs + delay - now);
      return true;
    }
    this.host.crashBackoff.next(key, now);
    return false;
  }

  private containerEnv(c: ContainerInstance, img: ResolvedImage): Record<string, string> {
    const enableLinks = this.pod.spec?.enableServiceLinks !== false;
    const svcEnv = this.host.serviceEnv(enableLinks ? this.pod.metadata.namespace! : '');
    return resolveEnv({ pod: this.pod, container: c.spec, peek: (r, ns, n) => this.ctx.store.peek(r, ns, n), imageEnv: img.spec.env, serviceEnv: svcEnv, allocatable: this.host.allocatable() });
  }

  /** EnsureImageExists (images/image_manager.go) with the v1.32 event wording. */
  private ensureImage(c: ContainerInstance): ResolvedImage | undefined | 'pulling' {
    const image = c.spec.image as string;
    const resolved = resolveImage(image);
    const policy = c.spec.imagePullPolicy ?? (parseImageRef(image).tag === 'latest' ? 'Always' : 'IfNotPresent');
    const present = !!resolved && this.host.hasImage(resolved.fullName);
    if (c.pulledAtMs !== undefined && present) {
      c.pulledAtMs = undefined; // just pulled by this worker: create right away, as EnsureImageExists returns
      return resolved;
    }
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        this.eventFor(c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        return resolved;
      }
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      this.eventFor(c, 'Warning', 'ErrImageNeverPull', msg);
      this.eventFor(c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
      c.state = { kind: 'waiting', reason: 'ErrImageNeverPull', message: msg };
      return undefined;
    }
    const key = `${this.uid}_${image}`;
    const last = c.state.kind === 'waiting' && (c.state.reason === 'ErrImagePull' || c.state.reason === 'ImagePullBackOff') ? c.pullFailedAtMs : undefined;
    if (last !== undefined && this.host.pullBackoff.isInBackOffSince(key, last, this.now())) {
      const msg = `Back-off pulling image "${image}"`;
      this.eventFor(c, 'Normal', 'BackOff', msg);
      this.eventFor(c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      c.state = { kind: 'waiting', reason: 'ImagePullBackOff', message: msg };
      this.retryLater(c, last + this.host.pullBackoff.get(key) - this.now());
      return undefined;
    }
    this.pull(c, image, resolved, key);
    return 'pulling';
  }

  private pull(c: ContainerInstance, image: string, resolved: ResolvedImage | undefined, key: string): void {
    this.eventFor(c, 'Normal', 'Pulling', `Pulling image "${image}"`);
    c.pulling = true;
    const started = this.now();
    // A re-pull of a cached image (policy Always) only fetches the manifest.
    const ms = !resolved ? UNKNOWN_IMAGE_PULL_MS : this.host.hasImage(resolved.fullName) ? 300 + (resolved.spec.sizeBytes % 200) : pullDurationMs(resolved.spec.sizeBytes);
    this.ctx.runtime.after(ms, () => {
      c.pulling = false;
      if (this.removed || this.terminating) return;
      if (!resolved) {
        const err = pullError(image);
        this.eventFor(c, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
        this.eventFor(c, 'Warning', 'Failed', 'Error: ErrImagePull');
        this.host.pullBackoff.next(key, this.now());
        c.pullFailedAtMs = this.now();
        c.state = { kind: 'waiting', reason: 'ErrImagePull', message: err };
        this.postStatus();
        this.requestSync(1_000, false);
        return;
      }
      const took = goDuration(this.now() - started);
      this.eventFor(c, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${resolved.spec.sizeBytes} bytes.`);
      this.host.addImage(resolved);
      this.host.pullBackoff.reset(key);
      c.pulledAtMs = this.now();
      this.sync();
    }, { label: `kubelet:pull:${this.key}:${c.name}` });
  }

  private startContainer(c: ContainerInstance, img: ResolvedImage, env: Record<string, string>): void {
    const argv = this.containerArgv(c, img, env);
    c.specChanged = false;
    c.newInstance();
    if (c.instances > 1) c.restartCount++;
    if (c.state.kind === 'terminated') c.lastTerminated = c.state;
    c.containerID = `containerd://${sha(`${this.uid}/${c.name}/${c.instances}`)}`;
    c.env = env;
    c.fs = this.containerFs(c, img);
    this.eventFor(c, 'Normal', 'Created', `Created container: ${c.name}`);
    const commands: Map<string, CommandFn> = img.spec.shell === 'none' ? new Map() : baseCommands();
    for (const [k, v] of imageCommands(img.spec)) commands.set(k, v);
    const base = argv[0]?.split('/').pop() ?? '';
    if (!argv.length || !commands.has(base)) {
      const what = argv.length ? `exec: "${argv[0]}": executable file not found in $PATH` : 'no command specified';
      const msg = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${what}: unknown`;
      this.eventFor(c, 'Warning', 'Failed', `Error: ${msg}`);
      const t = this.now();
      c.state = { kind: 'terminated', exitCode: 128, reason: 'StartError', message: msg, startedAtMs: 0, finishedAtMs: t, containerID: c.containerID };
      c.lastTerminated = undefined;
      this.requestSync(0);
      return;
    }
    this.eventFor(c, 'Normal', 'Started', `Started container ${c.name}`);
    c.state = { kind: 'running', startedAtMs: this.now() };
    c.cpu = new CpuMeter(this.now());
    c.started = !c.spec.startupProbe;
    c.ready = !c.spec.readinessProbe && (c.kind !== 'init');
    if (c.kind === 'sidecar') c.ready = !c.spec.readinessProbe;
    this.runProcess(c, img, argv, commands);
    if (!c.isRunning()) return;
    this.startProbes(c);
  }

  /** The process argv: command/args over the image's ENTRYPOINT/CMD, $(VAR) expanded. */
  private containerArgv(c: ContainerInstance, img: ResolvedImage, env: Record<string, string>): string[] {
    const command: string[] | undefined = c.spec.command;
    const args: string[] | undefined = c.spec.args;
    const argv = command?.length ? [...command, ...(args ?? [])] : [...img.spec.entrypoint, ...(args ?? img.spec.cmd)];
    return argv.map((a) => expandRefs(a, env));
  }

  private containerFs(c: ContainerInstance, img: ResolvedImage): ContainerFsImpl {
    const root = newVolumeDir();
    for (const d of ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var', 'var/log']) root.dirs.add(d);
    populate(root, img.spec.files ?? {});
    const net = this.host.network();
    populate(root, {
      '/etc/hostname': `${this.pod.spec?.hostname ?? this.pod.metadata.name}\n`,
      '/etc/hosts': net?.hostsFile(this.pod) ?? `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n${this.podIP ?? ''}\t${this.pod.metadata.name}\n`,
      '/etc/resolv.conf': net?.resolvConf(this.pod) ?? `search ${this.pod.metadata.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
      [c.spec.terminationMessagePath ?? '/dev/termination-log']: '',
    });
    if (img.spec.workdir) root.dirs.add(img.spec.workdir.replace(/^\//, ''));
    const mounts: Mount[] = [];
    for (const m of c.spec.volumeMounts ?? []) {
      const dir = this.volumes?.get(m.name);
      if (dir) mounts.push({ path: m.mountPath.replace(/\/$/, '') || '/', dir, readOnly: !!m.readOnly, subPath: m.subPath });
    }
    return new ContainerFsImpl(root, mounts);
  }

  private processHost(c: ContainerInstance, img: ResolvedImage): ProcessHost & { listeners: Map<number, HttpHandler | undefined> } {
    const listeners = new Map<number, HttpHandler | undefined>();
    return {
      listeners,
      nowMs: () => this.now(),
      hostname: this.pod.spec?.hostname ?? this.pod.metadata.name!,
      image: c.spec.image,
      fs: c.fs!,
      network: this.host.network(),
      source: { namespace: this.pod.metadata.namespace!, pod: this.pod.metadata.name! },
      listen: (port, handler) => c.process?.listeners.set(port, handler),
      setMemory: (bytes) => this.setMemory(c, bytes),
      setCpu: (m) => c.process && (c.process.cpuMillis = m),
      processes: () => [{ pid: 1, cmd: this.containerArgv(c, img, c.env).join(' ') }],
      cpus: this.host.plan.cpus,
      kernel: KERNEL_VERSION,
      node: nodeFacts(this.host.plan.spec.memory, this.ctx.store.peek('nodes', '', this.host.plan.spec.name)?.metadata.creationTimestamp, this.now()),
    };
  }

  private runProcess(c: ContainerInstance, img: ResolvedImage, argv: string[], commands: Map<string, CommandFn>): void {
    const host = this.processHost(c, img);
    const shell = new Shell(host, c.env, commands);
    shell.cwd = c.spec.workingDir ?? img.spec.workdir ?? '/';
    const logs = c.logs;
    const stdinOpen = !!(c.spec.stdin || c.spec.tty);
    const io = { stdin: '', stdinOpen, out: (t: string) => logs.write('stdout', t, this.now()), err: (t: string) => logs.write('stderr', t, this.now()) };
    const base = argv[0].split('/').pop()!;
    c.interactiveShell = stdinOpen && isInteractiveShell(argv) ? interactiveShellName(argv) : undefined;
    c.stdinReader = stdinOpen && readsStdin(argv) ? [...argv] : undefined;
    const proc = new ProcessRun(this.ctx.runtime, shell.exec(argv, io), {
      label: `process:${this.key}:${c.name}`,
      ignoresSigterm: SHELLS.has(base),
      sigint: sigintDisposition(argv, !!c.interactiveShell),
      onExit: (code, reason) => this.onExit(c, proc, code, reason),
      onError: (t) => logs.write('stderr', t, this.now()),
    });
    c.process = proc;
    this.setMemory(c, img.spec.profile.memoryBytes);
    proc.start();
  }

  private setMemory(c: ContainerInstance, bytes: number): void {
    const proc = c.process;
    if (!proc || proc.exited) return;
    proc.memoryBytes = bytes;
    const limit = c.spec.resources?.limits?.memory;
    if (limit !== undefined && bytes > quantityBytes(limit)) proc.oomKill();
  }

  private onExit(c: ContainerInstance, proc: ProcessRun, code: number, reason: ExitReason): void {
    if (c.process !== proc) return;
    const now = this.now();
    c.logs.close(now);
    c.probes?.stop();
    const startedAtMs = c.state.kind === 'running' ? c.state.startedAtMs : now;
    const r = reason === 'OOMKilled' ? 'OOMKilled' : code === 0 ? 'Completed' : 'Error';
    c.state = { kind: 'terminated', exitCode: code, reason: r, startedAtMs, finishedAtMs: now, containerID: c.containerID };
    c.ready = false;
    c.started = false;
    if (this.terminating) {
      this.syncTerminating();
      return;
    }
    if (!this.removed) this.requestSync(0);
  }

  // ---- probes ---------------------------------------------------------------------

  private startProbes(c: ContainerInstance): void {
    const s = c.spec;
    if (!s.livenessProbe && !s.readinessProbe && !s.startupProbe) return;
    c.probes = new ProbeRunner(this.ctx.runtime, s, {
      target: () => (c.isRunning() ? this.probeTarget(c) : undefined),
      failed: (kind, output) => this.eventFor(c, 'Warning', 'Unhealthy', `${probeName(kind)} probe failed: ${output}`),
      changed: (kind, ok) => this.onProbeChange(c, kind, ok),
    }, `probe:${this.key}:${c.name}`);
    c.probes.start();
  }

  private onProbeChange(c: ContainerInstance, kind: ProbeKind, ok: boolean): void {
    if (kind === 'readiness') {
      c.ready = ok;
      this.postStatus();
      return;
    }
    if (kind === 'startup' && ok) {
      c.started = true;
      if (!c.spec.readinessProbe) c.ready = true;
      this.postStatus();
      return;
    }
    if (ok) return;
    // prober_manager: liveness/startup failure → kill; the restart policy decides what follows.
    this.eventFor(c, 'Normal', 'Killing', `Container ${c.name} failed ${kind} probe, will be restarted`);
    const grace = (c.spec[`${kind}Probe`]?.terminationGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    c.process?.terminate(grace);
  }

  probeTarget(c: ContainerInstance): ProbeTarget {
    return {
      podIP: this.podIP ?? '',
      exec: (argv, timeoutMs) => {
        const r = this.execIn(c, argv, {});
        return { output: r.stdout + r.stderr, exitCode: r.exitCode, timedOut: r.durationMs > timeoutMs };
      },
      http: (port, path, headers, _timeoutMs) => {
        const handler = this.listener(port);
        if (handler === null) return { error: 'connection refused' };
        if (!handler) return { error: 'empty reply' };
        const r = handler({ method: 'GET', path, headers: { host: `${this.podIP}:${port}`, ...headers }, body: '', remoteIP: this.host.plan.internalIP });
        return 'error' in r ? { error: r.error } : { status: r.status };
      },
      tcp: (port) => this.listener(port) !== null,
      port: (p) => (typeof p === 'number' ? p : /^\d+$/.test(String(p)) ? Number(p) : this.allContainers().flatMap((x) => x.spec.ports ?? []).find((x: KubeObject) => x.name === p)?.containerPort),
    };
  }

  /** The container listening on a port in this pod and its handler (undefined handler: not HTTP); null = nothing listens. */
  serving(port: number): { container: ContainerInstance; handler: HttpHandler | undefined } | null {
    for (const c of this.allContainers()) {
      const l = c.process && !c.process.exited ? c.process.listeners : undefined;
      if (l?.has(port)) return { container: c, handler: l.get(port) };
    }
    return null;
  }

  /** The handler listening on a port in this pod (containers share the network namespace); null = nothing listens. */
  listener(port: number): HttpHandler | undefined | null {
    for (const c of this.allContainers()) {
      const l = c.process && !c.process.exited ? c.process.listeners : undefined;
      if (l?.has(port)) return l.get(port);
    }
    return null;
  }

  // ---- exec -----------------------------------------------------------------------

  execIn(c: ContainerInstance, argv: string[], opts: { stdin?: string; env?: Record<string, string>; cwd?: string }): ExecResult {
    const img = c.image!;
    const commands: Map<string, CommandFn> = img.spec.shell === 'none' ? new Map() : baseCommands();
    for (const [k, v] of imageCommands(img.spec)) commands.set(k, v);
    const host = this.processHost(c, img);
    host.listen = () => {};
    const shell = new Shell(host, { ...c.env, ...opts.env }, commands);
    shell.cwd = opts.cwd ?? c.spec.workingDir ?? img.spec.workdir ?? '/';
    let stdout = '';
    let stderr = '';
    let durationMs = 0;
    const output: NonNullable<ExecResult['output']> = [];
    const write = (stream: 'stdout' | 'stderr', text: string) => {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
      const last = output[output.length - 1];
      if (last && last.atMs === durationMs && last.stream === stream) last.text += text;
      else output.push({ atMs: durationMs, stream, text });
    };
    const gen = shell.exec(argv, { stdin: opts.stdin ?? '', out: (t) => write('stdout', t), err: (t) => write('stderr', t) });
    for (let i = 0; i < 100_000; i++) {
      const r = gen.next();
      // The timeline only matters when time passed (a Ctrl-C can fall inside it).
      if (r.done) return durationMs > 0 ? { stdout, stderr, exitCode: r.value, durationMs, output } : { stdout, stderr, exitCode: r.value, durationMs };
      if (r.value.kind === 'block') {
        gen.return(130);
        return { stdout, stderr, exitCode: 130, durationMs: Infinity, output };
      }
      durationMs += r.value.ms;
    }
    gen.return(1);
    return { stdout, stderr, exitCode: 1, durationMs, output };
  }

  // ---- termination ------------------------------------------------------------------

  /** Graceful deletion (kuberuntime killPod): Killing events, SIGTERM, SIGKILL at the deadline, then remove. */
  private syncTerminating(): void {
    if (!this.terminating) {
      this.terminating = true;
      const graceMs = (this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
      const order = [...this.containers, ...[...this.initContainers].reverse()];
      for (const c of order) {
        c.retryTimer?.();
        if (!c.isRunning()) continue;
        this.eventFor(c, 'Normal', 'Killing', `Stopping container ${c.name}`);
        c.probes?.stop();
        c.process?.terminate(graceMs);
      }
    }
    if (this.allContainers().some((c) => c.isRunning())) return;
    if (this.removed) return;
    if (!this.terminalPhase) {
      const failed = this.containers.some((c) => c.state.kind === 'terminated' && c.state.exitCode !== 0);
      this.terminalPhase = failed || this.containers.some((c) => c.state.kind !== 'terminated') ? 'Failed' : 'Succeeded';
    }
    for (const c of this.allContainers()) c.ready = false;
    this.postStatus();
    const stored = this.ctx.store.peek('pods', this.pod.metadata.namespace!, this.pod.metadata.name!);
    if (stored && stored.metadata.uid === this.uid) {
      try {
        this.ctx.store.delete(this.host.podDef, stored.metadata.namespace!, stored.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: this.uid } });
      } catch {
        // already gone
      }
    }
    this.teardown();
  }

  private killAll(graceMs: number): void {
    for (const c of this.allContainers()) {
      c.retryTimer?.();
      c.probes?.stop();
      if (c.process && !c.process.exited) c.process.terminate(graceMs);
      if (c.process && !c.process.exited) c.process.kill();
    }
  }

  /** The pod is gone from the API: stop everything, free the IP. */
  teardown(): void {
    if (this.removed) return;
    this.removed = true;
    for (const c of this.allContainers()) {
      c.retryTimer?.();
      c.probes?.stop();
      if (c.process && !c.process.exited) c.process.kill();
    }
    this.mountRetry?.();
    if (!this.pod.spec?.hostNetwork) this.host.releaseIP(this.key);
    this.host.forget(this.key);
  }

  // ---- status and events ----------------------------------------------------------

  view(): PodRuntimeView {
    return {
      pod: this.pod,
      hostIP: this.host.plan.internalIP,
      podIP: this.sandboxState === 'ready' ? this.podIP : undefined,
      startTimeMs: this.startTimeMs,
      sandboxReady: this.sandboxState === 'ready',
      initContainers: this.initContainers,
      containers: this.containers,
      terminalPhase: this.terminalPhase,
      reason: this.reason,
      message: this.message,
    };
  }

  postStatus(): void {
    if (this.removed || !this.host.running()) return;
    const stored = this.ctx.store.peek('pods', this.pod.metadata.namespace!, this.pod.metadata.name!);
    if (!stored || stored.metadata.uid !== this.uid) return;
    const status = buildPodStatus({ ...this.view(), pod: stored }, this.now());
    if (jsonEqual(status, stored.status)) return;
    this.ctx.store.update({ ...stored, status }, { subresource: 'status', owned: true });
    this.pod = this.ctx.store.peek('pods', stored.metadata.namespace!, stored.metadata.name!) ?? stored;
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    dropOnError(() => this.ctx.events.record(this.pod, type, reason, message, { component: 'kubelet', host: this.host.plan.spec.name }));
  }

  private eventFor(c: ContainerInstance, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const list = c.kind === 'regular' ? 'containers' : 'initContainers';
    dropOnError(() => this.ctx.events.recordForField(this.pod, `spec.${list}{${c.name}}`, type, reason, message, { component: 'kubelet', host: this.host.plan.spec.name }));
  }
}

/** client-go's event broadcaster drops events the API server refuses (e.g. in a terminating namespace). */
export function dropOnError(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!isApiError(e)) throw e;
  }
}

function probeName(kind: ProbeKind): string {
  return kind === 'liveness' ? 'Liveness' : kind === 'readiness' ? 'Readiness' : 'Startup';
}

/** The containerd error for an image the catalogue does not know. */
export function pullError(image: string): string {
  const ref = parseImageRef(image);
  const full = ref.tag ? `${ref.repository}:${ref.tag}` : `${ref.repository}@${ref.digest}`;
  const known = resolveImage(`${ref.short}:latest`) ?? resolveImage(`${ref.short}`);
  if (known || ref.repository.startsWith('registry.k8s.io/')) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
  }
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

function quantityBytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/.exec(String(q));
  if (!m) return Infinity;
  const mult: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3 };
  return Number(m[1]) * mult[m[2] ?? ''];
}
