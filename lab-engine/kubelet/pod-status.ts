import type { KubeObject } from '../api/types';
import { formatRfc3339 } from '../base/clock';
import type { ContainerInstance } from './container';

export interface PodRuntimeView {
  pod: KubeObject;
  hostIP: string;
  podIP?: string;
  startTimeMs?: number;
  sandboxReady: boolean;
  initContainers: ContainerInstance[];
  containers: ContainerInstance[];
  /** Terminal phase decided by the kubelet (restartPolicy exhausted, deadline, deletion). */
  terminalPhase?: 'Succeeded' | 'Failed';
  reason?: string;
  message?: string;
}

/** v1.ContainerStatus for one container (kuberuntime convertToAPIContainerStatuses), keys in sorted order. */
export function containerStatus(c: ContainerInstance): KubeObject {
  // Before the image is resolved the status shows the spec's image as written.
  const image = c.image?.fullName ?? c.spec.image;
  const out: Record<string, unknown> = {};
  if (c.containerID && c.instances > 0) out.containerID = c.containerID;
  out.image = image;
  out.imageID = c.image && c.instances > 0 ? c.image.imageID : '';
  out.lastState = c.lastTerminated ? { terminated: terminatedJson(c.lastTerminated) } : {};
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.restartCount;
  if (!(c.kind === 'init' && !c.isRunning())) out.started = c.started;
  out.state = stateJson(c);
  const mounts = (c.spec.volumeMounts ?? []).map((m: KubeObject) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
  if (mounts.length) out.volumeMounts = mounts;
  return out as KubeObject;
}

function stateJson(c: ContainerInstance): Record<string, unknown> {
  const s = c.state;
  if (s.kind === 'running') return { running: { startedAt: formatRfc3339(s.startedAtMs) } };
  if (s.kind === 'terminated') return { terminated: terminatedJson(s) };
  return { waiting: s.message ? { message: s.message, reason: s.reason } : { reason: s.reason } };
}

function terminatedJson(s: Extract<ContainerInstance['state'], { kind: 'terminated' }>): Record<string, unknown> {
  const t: Record<string, unknown> = { containerID: s.containerID, exitCode: s.exitCode, finishedAt: formatRfc3339(s.finishedAtMs) };
  if (s.message) t.message = s.message;
  t.reason = s.reason;
  if (s.signal) t.signal = s.signal;
  t.startedAt = formatRfc3339(s.startedAtMs);
  return t;
}

/** getPhase (pkg/kubelet/kubelet_pods.go), with sidecars counted as init containers. */
export function podPhase(v: PodRuntimeView): string {
  if (v.terminalPhase) return v.terminalPhase;
  const policy = v.pod.spec?.restartPolicy ?? 'Always';
  const initDone = v.initContainers.every((c) => (c.kind === 'sidecar' ? c.started || c.isRunning() : c.state.kind === 'terminated' && c.state.exitCode === 0));
  if (!initDone) {
    const failed = v.initContainers.find((c) => c.kind === 'init' && c.state.kind === 'terminated' && c.state.exitCode !== 0);
    if (failed && policy === 'Never') return 'Failed';
    return 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const c of v.containers) {
    if (c.state.kind === 'running') running++;
    else if (c.state.kind === 'terminated') {
      if (c.state.exitCode === 0) succeeded++;
      else failed++;
    } else if (c.lastTerminated) {
      if (c.lastTerminated.exitCode === 0) succeeded++;
      else failed++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (policy === 'Always') return 'Running';
  if (failed > 0 && policy === 'OnFailure') return 'Running';
  if (failed > 0) return 'Failed';
  return 'Succeeded';
}

interface Cond {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function names(cs: ContainerInstance[]): string {
  return `[${cs.map((c) => c.name).join(' ')}]`;
}

/** The five pod conditions in the kubelet's order (status_manager + generateAPIPodStatus). */
export function podConditions(v: PodRuntimeView, phase: string): Cond[] {
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const pendingInit = v.initContainers.filter((c) => (c.kind === 'sidecar' ? !c.started : !(c.state.kind === 'terminated' && c.state.exitCode === 0)));
  const initialized: Cond = pendingInit.length && !terminal ? { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${names(pendingInit)}` } : terminal && phase === 'Succeeded' ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' } : { type: 'Initialized', status: 'True' };
  const all = [...v.initContainers.filter((c) => c.kind === 'sidecar'), ...v.containers];
  const unready = all.filter((c) => !c.ready);
  let containersReady: Cond;
  if (terminal && phase === 'Succeeded') containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  else if (unready.length) containersReady = { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${names(unready)}` };
  else if (terminal) containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  else containersReady = { type: 'ContainersReady', status: 'True' };
  const ready: Cond = { ...containersReady, type: 'Ready' };
  const sandbox: Cond = { type: 'PodReadyToStartContainers', status: v.sandboxReady && !terminal ? 'True' : 'False' };
  return [sandbox, initialized, ready, containersReady];
}

/** The status the kubelet posts (conditions keep their lastTransitionTime while unchanged). */
export function buildPodStatus(v: PodRuntimeView, nowMs: number): KubeObject {
  const prev = v.pod.status ?? {};
  const phase = podPhase(v);
  const prevConds: KubeObject[] = prev.conditions ?? [];
  const now = formatRfc3339(nowMs);
  const conds: KubeObject[] = podConditions(v, phase).map((c) => {
    const old = prevConds.find((p) => p.type === c.type);
    const since = old && old.status === c.status ? old.lastTransitionTime : now;
    // Keys in sorted order, as the kubelet's JSON (and what the stored status always had).
    const out: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: since };
    if (c.message) out.message = c.message;
    if (c.reason) out.reason = c.reason;
    out.status = c.status;
    out.type = c.type;
    return out as KubeObject;
  });
  for (const p of prevConds) if (!conds.some((c) => c.type === p.type)) conds.push(p);
  const status: Record<string, unknown> = {
    conditions: conds,
    containerStatuses: v.containers.map(containerStatus),
    hostIP: v.hostIP,
    hostIPs: [{ ip: v.hostIP }],
  };
  if (v.initContainers.length) status.initContainerStatuses = v.initContainers.map(containerStatus);
  if (v.message) status.message = v.message;
  if (prev.nominatedNodeName) status.nominatedNodeName = prev.nominatedNodeName;
  status.phase = phase;
  if (v.podIP) {
    status.podIP = v.podIP;
    status.podIPs = [{ ip: v.podIP }];
  }
  if (prev.qosClass) status.qosClass = prev.qosClass;
  if (v.reason) status.reason = v.reason;
  if (v.startTimeMs !== undefined) status.startTime = formatRfc3339(v.startTimeMs);
  return status as KubeObject;
}
