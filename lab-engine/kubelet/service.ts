import type { ClusterContext } from '../sim/context';
import type { KubeObject } from '../api/types';
import { badRequest, notFound } from '../api/errors';
import type { InboundHttpRequest, InboundHttpResult, Protocol } from '../network/service';
import type { AttachHandle, ContainerFs, ContainerUsage, ExecOptions, ExecResult, KubeletService, LogOptions } from './types';
import type { NodeAgent } from './node-agent';
import type { PodWorker } from './pod-worker';
import type { ContainerInstance } from './container';
import { renderLogs, logTimestamp } from './log-buffer';
import { manifestFiles } from './static-pods';
import { quantityValue } from '../api/quantity';

const PODS = { group: '', resource: 'pods' };
const MI = 1024 * 1024;

/**
 * The kubelet service (one for the cluster; routes to the node's kubelet).
 * Errors are the API server's: kubelet failures surface as BadRequest with
 * the kubelet's text (pkg/kubelet/kubelet_pods.go validateContainerLogStatus,
 * pkg/registry/core/pod/strategy.go LogLocation / ExecLocation).
 */
export class KubeletServiceImpl implements KubeletService {
  constructor(
    private readonly ctx: ClusterContext,
    readonly agents: Map<string, NodeAgent>,
  ) {}

  private pod(ns: string, name: string): KubeObject {
    const pod = this.ctx.store.peek('pods', ns, name);
    if (!pod) throw notFound(PODS, name);
    return pod;
  }

  private worker(pod: KubeObject): PodWorker | undefined {
    return this.agents.get(pod.spec?.nodeName ?? '')?.workers.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  /** LogLocation's container choice and its messages. */
  private containerName(pod: KubeObject, container: string | undefined): string {
    const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
    if (container) {
      if (!all.some((c: KubeObject) => c.name === container)) throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
      return container;
    }
    const cs = pod.spec?.containers ?? [];
    if (cs.length === 1) return cs[0].name;
    if (!cs.length) throw badRequest(`a container name must be specified for pod ${pod.metadata.name}`);
    let msg = `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${cs.map((c: KubeObject) => c.name).join(' ')}]`;
    const init = pod.spec?.initContainers ?? [];
    if (init.length) msg += ` or one of the init containers: [${init.map((c: KubeObject) => c.name).join(' ')}]`;
    throw badRequest(msg);
  }

  private instance(w: PodWorker | undefined, name: string): ContainerInstance | undefined {
    return w?.allContainers().find((c) => c.name === name);
  }

  logs(namespace: string, podName: string, opts: LogOptions = {}): string {
    const { buf } = this.logSource(namespace, podName, opts);
    return buf ? renderLogs(buf, opts, this.ctx.clock.nowMs()) : '';
  }

  private logSource(namespace: string, podName: string, opts: LogOptions) {
    const pod = this.pod(namespace, podName);
    const name = this.containerName(pod, opts.container);
    if (!pod.spec?.nodeName) return { buf: undefined, c: undefined };
    const c = this.instance(this.worker(pod), name);
    const where = `container "${name}" in pod "${podName}"`;
    if (opts.previous) {
      if (!c?.previousLogs || !c.lastTerminated) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
      return { buf: c.previousLogs, c };
    }
    if (!c) throw badRequest(`${where} is waiting to start: ContainerCreating`);
    const s = c.state;
    if (s.kind === 'running' || (s.kind === 'terminated' && c.instances > 0)) return { buf: c.logs, c };
    if (c.lastTerminated && c.instances > 0) return { buf: c.logs, c };
    if (s.kind === 'waiting') {
      if (s.reason === 'ErrImagePull') throw badRequest(`${where} is waiting to start: image can't be pulled`);
      if (s.reason === 'ImagePullBackOff') throw badRequest(`${where} is waiting to start: trying and failing to pull image`);
      throw badRequest(`${where} is waiting to start: ${s.reason}`);
    }
    throw badRequest(`${where} is terminated`);
  }

  followLogs(namespace: string, podName: string, opts: LogOptions, onChunk: (text: string) => void, onEnd?: () => void): { initial: string; cancel(): void } {
    const { buf, c } = this.logSource(namespace, podName, opts);
    const initial = buf ? renderLogs(buf, opts, this.ctx.clock.nowMs()) : '';
    if (!buf || !c || opts.previous || !c.isRunning()) {
      onEnd?.();
      return { initial, cancel: () => {} };
    }
    const unsub = opts.raw ? buf.subscribeRaw((text) => onChunk(text)) : buf.subscribe((l) => onChunk((opts.timestamps ? `${logTimestamp(l)} ` : '') + l.text + (l.partial ? '' : '\n')));
    const proc = c.process;
    let ended = false;
    const poll = () => {
      if (ended) return;
      if (!proc || proc.exited) {
        ended = true;
        unsub();
        onEnd?.();
        return;
      }
      this.ctx.runtime.after(1_000, poll, { background: true, label: 'kubelet:follow' });
    };
    poll();
    return {
      initial,
      cancel: () => {
        ended = true;
        unsub();
      },
    };
  }

  /** The running container an exec or fs access targets, with ExecLocation's and the CRI's errors. */
  private running(namespace: string, podName: string, container: string | undefined): { w: PodWorker; c: ContainerInstance } {
    const pod = this.pod(namespace, podName);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const name = this.containerName(pod, container);
    if (!pod.spec?.nodeName) throw badRequest(`pod ${podName} does not have a host assigned`);
    const w = this.worker(pod);
    const c = this.instance(w, name);
    if (!w || !c || !c.isRunning() || !c.fs) throw badRequest(`unable to upgrade connection: container not found ("${name}")`);
    return { w, c };
  }

  attach(namespace: string, podName: string, container: string | undefined): AttachHandle {
    const { c } = this.running(namespace, podName, container);
    const proc = c.process;
    const alive = () => !!proc && c.process === proc && !proc.exited;
    return {
      shell: c.interactiveShell,
      stdinReader: c.stdinReader,
      running: alive,
      interrupt: () => alive() && proc!.interrupt(),
      exit: (code) => {
        if (alive()) proc!.exit(code);
      },
      detach: () => {
        // CRI stdinOnce: closing the first attach closes stdin; a reader of it (sh, cat) sees EOF.
        if (alive() && c.spec.stdinOnce && c.stdinReader) proc!.exit(0);
      },
    };
  }

  exec(namespace: string, podName: string, container: string | undefined, argv: string[], opts: ExecOptions = {}): ExecResult {
    const { w, c } = this.running(namespace, podName, container);
    const base = argv[0]?.split('/').pop() ?? '';
    const r = w.execIn(c, argv, opts);
    if (r.exitCode === 127 && r.stderr.endsWith(`${argv[0]}: not found\n`) && !r.stdout && base && r.stderr.split('\n').length === 2) {
      // A bare argv (no shell) that does not exist fails in the runtime, not in a shell.
      return { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`, exitCode: 126, durationMs: 0 };
    }
    return r;
  }

  containerFs(namespace: string, podName: string, container?: string): ContainerFs {
    return this.running(namespace, podName, container).c.fs!;
  }

  containerEnv(namespace: string, podName: string, container?: string): Record<string, string> {
    return { ...this.running(namespace, podName, container).c.env };
  }

  podUsage(namespace: string, podName: string): ContainerUsage[] {
    const pod = this.ctx.store.peek('pods', namespace, podName);
    const w = pod && this.worker(pod);
    if (!w) return [];
    return w.allContainers().filter((c) => c.isRunning() && c.process).map((c) => usageOf(c, this.ctx.clock.nowMs()));
  }

  nodeUsage(node: string): { cpuMillis: number; memoryBytes: number } | undefined {
    const agent = this.agents.get(node);
    if (!agent || !agent.running()) return undefined;
    // System overhead: kubelet, containerd, the OS (≈ what metrics-server shows on an idle kubeadm node).
    let cpu = agent.plan.spec.controlPlane ? 35 : 18;
    let mem = (agent.plan.spec.controlPlane ? 560 : 320) * MI;
    for (const w of agent.workers.values()) {
      for (const c of w.allContainers()) {
        if (!c.isRunning() || !c.process) continue;
        const u = usageOf(c, this.ctx.clock.nowMs());
        cpu += u.cpuMillis;
        mem += u.memoryBytes;
      }
    }
    return { cpuMillis: cpu, memoryBytes: mem };
  }

  setLoad(namespace: string, podName: string, load: { cpuMillis?: number; memoryBytes?: number }): void {
    const pod = this.pod(namespace, podName);
    const w = this.worker(pod);
    for (const c of w?.containers ?? []) {
      if (load.cpuMillis !== undefined) c.load.cpuMillis = load.cpuMillis;
      if (load.memoryBytes !== undefined) c.load.memoryBytes = load.memoryBytes;
      // Load that takes a container over its memory limit gets it OOM-killed.
      const limit = c.spec.resources?.limits?.memory;
      if (c.process && !c.process.exited && limit !== undefined && usageOf(c, this.ctx.clock.nowMs()).memoryBytes > quantityValue(limit)) c.process.oomKill();
    }
  }

  stopNode(name: string): void {
    this.agent(name).stop();
  }

  startNode(name: string): void {
    this.agent(name).start();
  }

  isNodeRunning(name: string): boolean {
    return this.agent(name).running();
  }

  private agent(name: string): NodeAgent {
    const a = this.agents.get(name);
    if (!a) throw notFound({ group: '', resource: 'nodes' }, name);
    return a;
  }

  staticPodManifests(node: string): { path: string; content: string }[] {
    const a = this.agents.get(node);
    if (!a?.plan.spec.controlPlane) return [];
    return manifestFiles(a.plan.internalIP);
  }

  nodeImages(node: string): { name: string; sizeBytes: number }[] {
    const a = this.agents.get(node);
    return a ? a.imageList().map((i) => ({ name: i.names[1], sizeBytes: i.sizeBytes })) : [];
  }

  // ---- PodResponder (for the network) ----------------------------------------------

  isListening(pod: KubeObject, port: number, _protocol: Protocol): boolean {
    const w = this.worker(pod);
    return !!w && !w.removed && w.listener(port) !== null;
  }

  serveHttp(pod: KubeObject, port: number, req: InboundHttpRequest, count = 1): InboundHttpResult {
    const w = this.worker(pod);
    const serving = w?.serving(port);
    const handler = serving?.handler;
    if (!w || !serving || handler === undefined) return serving && w ? { error: 'empty reply' } : { error: 'connection reset' };
    const reply = handler({ method: req.method, path: req.path, headers: req.headers, body: req.body, remoteIP: req.remoteIP });
    if ('error' in reply) return reply;
    // The work of answering lands on the serving container's CPU (cpu-meter.ts).
    const c = serving.container;
    const cpuMs = c.image?.spec.profile.cpuMsPerRequest ?? 0;
    const serviceMs = c.cpu.charge(this.ctx.clock.nowMs(), cpuMs, cpuLimitCores(c), count);
    return serviceMs > 0 ? { ...reply, serviceMs } : reply;
  }
}

/** The container's CPU limit in cores (CFS quota), if it has one. */
function cpuLimitCores(c: ContainerInstance): number | undefined {
  const limit = c.spec.resources?.limits?.cpu;
  return limit === undefined ? undefined : quantityValue(limit);
}

function usageOf(c: ContainerInstance, nowMs: number): ContainerUsage {
  const profile = c.image?.spec.profile ?? { cpuMillis: 0, memoryBytes: MI };
  const proc = c.process!;
  const limit = cpuLimitCores(c);
  const cpu = Math.max(profile.cpuMillis, proc.cpuMillis) + c.load.cpuMillis + c.cpu.usageMillis(nowMs);
  return {
    name: c.name,
    cpuMillis: limit === undefined ? cpu : Math.min(cpu, limit * 1000),
    memoryBytes: Math.round(Math.max(profile.memoryBytes, proc.memoryBytes) + c.load.memoryBytes),
  };
}

