/// <reference lib="webworker" />
import { stringify } from 'yaml';
import { gradeSession, replayLab, startLab, type KubeObject, type Lab, type Session, type Transcript } from '@kubelab/lab-engine';
import type { ClusterView, FromWorker, ObjectRef, PodView, ToWorker } from './protocol';

/**
 * The learner's lab runs here, off the main thread: one engine session, driven
 * by the page's messages. Virtual time follows real time from the moment the
 * lab starts (or resumes), so pods come up while the learner reads.
 */
declare const self: DedicatedWorkerGlobalScope;

let session: Session | undefined;
let lab: Lab | undefined;
let clock = { real: 0, virtual: 0 };
let queue: Promise<unknown> = Promise.resolve();
const flows: ClusterView['flows'] = [];

function post(msg: FromWorker): void {
  self.postMessage(msg);
}

/** Serialise every act: the session is not re-entrant. */
function enqueue(fn: () => Promise<unknown>): void {
  queue = queue.then(fn).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
}

function virtualNow(): number {
  return clock.virtual + (Date.now() - clock.real);
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') return enqueue(() => init(msg.lab, msg.transcript));
  if (!session) return;
  const s = session;
  switch (msg.type) {
    case 'line':
      return enqueue(async () => {
        await s.advanceTo(virtualNow());
        await s.start(msg.line);
        afterAct();
      });
    case 'interrupt':
      return enqueue(async () => {
        await s.interrupt();
        afterAct();
      });
    case 'save-file':
      return enqueue(async () => {
        await s.saveFile(msg.path, msg.content);
        afterAct();
      });
    case 'cancel-editor':
      return enqueue(async () => {
        await s.cancelEditor();
        afterAct();
      });
    case 'complete':
      return post({ type: 'completion', id: msg.id, completion: s.complete(msg.line, msg.cursor) });
    case 'grade':
      return enqueue(async () => {
        await s.advanceTo(virtualNow());
        const all = await gradeSession(lab!, s, msg.locale);
        post({ type: 'graded', results: msg.taskId ? all.filter((r) => r.taskId === msg.taskId) : all, transcript: s.transcript(), stateHash: s.cluster.stateHash() });
      });
    case 'inspect':
      return post({ type: 'object', ref: msg.ref, yaml: objectYaml(s, msg.ref) });
    case 'tick':
      return enqueue(async () => {
        await s.advanceTo(virtualNow());
        post({ type: 'state', view: clusterView(s) });
      });
  }
};

async function init(l: Lab, transcript?: Transcript): Promise<void> {
  const t0 = performance.now();
  lab = l;
  let resumed = false;
  try {
    session = transcript ? await replayLab(l, transcript) : await startLab(l, Date.now());
    resumed = !!transcript;
  } catch (e) {
    // A saved session that no longer replays (lab changed, corrupt storage): start fresh, say so.
    post({ type: 'error', message: `Could not restore your saved session (${e instanceof Error ? e.message : String(e)}); starting a fresh lab.` });
    session = await startLab(l, Date.now());
  }
  clock = { real: Date.now(), virtual: session.nowMs() };
  session.onOutput = (chunk, stream) => post({ type: 'output', chunk, stream });
  session.onLineEnd = (exitCode) => post({ type: 'line-end', exitCode, prompt: session!.prompt() });
  watchFlows(session);
  post({ type: 'ready', prompt: session.prompt(), resumed, replayMs: Math.round(performance.now() - t0) });
  post({ type: 'state', view: clusterView(session) });
}

function afterAct(): void {
  const s = session!;
  const editor = s.pendingEditor();
  if (editor) post({ type: 'editor', path: editor.path, content: editor.content });
  post({ type: 'transcript', transcript: s.transcript() });
  post({ type: 'state', view: clusterView(s) });
}

/** Records the flows the learner's commands cause, so the cluster view can explain a blocked one. */
function watchFlows(s: Session): void {
  const net = s.cluster.services.get('network') as { request?: (r: unknown) => unknown } | undefined;
  if (!net?.request) return;
  const original = net.request.bind(net);
  net.request = (req: unknown) => {
    const r = original(req) as { ok: boolean; status?: number; error?: string; trace?: { deniedBy?: { namespace: string; name: string }[]; allowedBy?: { namespace: string; name: string }[] } };
    const q = req as { from: unknown; url: string };
    const from = typeof q.from === 'string' ? q.from : 'pod' in (q.from as object) ? `${(q.from as { namespace: string }).namespace}/${(q.from as { pod: string }).pod}` : `node ${(q.from as { node: string }).node}`;
    const policies = (r.ok ? r.trace?.allowedBy : r.trace?.deniedBy)?.map((p) => `${p.namespace}/${p.name}`) ?? [];
    flows.push({ from, to: q.url, ok: r.ok, detail: r.ok ? `HTTP ${r.status}` : (r.error ?? 'failed'), policies });
    if (flows.length > 8) flows.shift();
    return r;
  };
}

function objectYaml(s: Session, ref: ObjectRef): string {
  const obj = s.cluster.store.peek(ref.resource, ref.namespace ?? '', ref.name);
  if (!obj) return `# ${ref.resource} ${ref.name} no longer exists\n`;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return stringify({ ...obj, metadata });
}

function clusterView(s: Session): ClusterView {
  const store = s.cluster.store;
  const pods = store.peekList('pods').map(podView);
  const nodes = store.peekList('nodes').map((n) => ({
    name: n.metadata.name!,
    ready: (n.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'),
    unschedulable: !!n.spec?.unschedulable,
    roles: Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).join(',') || '<none>',
    pods: store.peekList('pods').filter((p) => p.spec?.nodeName === n.metadata.name).map(podView),
  }));
  return {
    nodes,
    pending: pods.filter((p, i) => !store.peekList('pods')[i].spec?.nodeName),
    deployments: store.peekList('deployments.apps').map((d) => ({
      namespace: d.metadata.namespace!,
      name: d.metadata.name!,
      desired: d.spec?.replicas ?? 1,
      updated: d.status?.updatedReplicas ?? 0,
      ready: d.status?.readyReplicas ?? 0,
      available: d.status?.availableReplicas ?? 0,
    })),
    services: store.peekList('services').map((svc) => {
      const ep = store.peek('endpoints', svc.metadata.namespace!, svc.metadata.name!);
      const subsets = (ep?.subsets ?? []) as { addresses?: unknown[]; notReadyAddresses?: unknown[] }[];
      return {
        namespace: svc.metadata.namespace!,
        name: svc.metadata.name!,
        type: svc.spec?.type ?? 'ClusterIP',
        clusterIP: svc.spec?.clusterIP ?? '',
        ports: (svc.spec?.ports ?? []).map((p: { port: number; nodePort?: number; protocol?: string }) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(','),
        endpoints: subsets.reduce((n, x) => n + (x.addresses?.length ?? 0), 0),
        notReady: subsets.reduce((n, x) => n + (x.notReadyAddresses?.length ?? 0), 0),
      };
    }),
    flows: [...flows],
  };
}

function podView(p: KubeObject): PodView {
  const statuses = (p.status?.containerStatuses ?? []) as { ready?: boolean; restartCount?: number; state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } }[];
  const total = p.spec?.containers?.length ?? statuses.length;
  const ready = statuses.filter((c) => c.ready).length;
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  let status: string = p.status?.phase ?? 'Pending';
  for (const c of statuses) {
    const reason = c.state?.waiting?.reason ?? c.state?.terminated?.reason;
    if (reason && reason !== 'Completed') status = reason;
  }
  if (p.metadata.deletionTimestamp) status = 'Terminating';
  return { namespace: p.metadata.namespace!, name: p.metadata.name!, phase: p.status?.phase ?? 'Pending', status, ready: `${ready}/${total}`, restarts };
}
