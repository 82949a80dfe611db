/// <reference lib="webworker" />
import { gradeSession, replayLab, startLab, type Lab, type Session, type Transcript } from '@kubelab/lab-engine';
import type { FromWorker, ToWorker } from './protocol';
import { clusterView, objectYaml } from './cluster-model';

/**
 * The learner's lab runs here, off the main thread: one engine session, driven
 * by the page's messages. Virtual time follows real time from the moment the
 * lab starts (or resumes), so pods come up while the learner reads.
 */
declare const self: DedicatedWorkerGlobalScope;

/** Worker start → this line: downloading, compiling and evaluating the engine's modules. */
const scriptMs = Math.round(performance.now());

let session: Session | undefined;
let lab: Lab | undefined;
let clock = { real: 0, virtual: 0 };
let queue: Promise<unknown> = Promise.resolve();
let lastView = '';

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
  // Before the session exists (the lab is still booting), wait for it behind `init` rather than drop the message.
  if (!session) return enqueue(async () => session && onAct(session, msg));
  onAct(session, msg);
};

function onAct(s: Session, msg: Exclude<ToWorker, { type: 'init' }>): void {
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
        postView(s);
      });
  }
}

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
  post({ type: 'ready', prompt: session.prompt(), resumed, replayMs: Math.round(performance.now() - t0), scriptMs });
  postView(session);
}

function afterAct(): void {
  const s = session!;
  const editor = s.pendingEditor();
  if (editor) post({ type: 'editor', path: editor.path, content: editor.content });
  post({ type: 'transcript', transcript: s.transcript() });
  postView(s);
}

/** Sends the cluster view only when it changed: an idle lab should not re-render the page twice a second. */
function postView(s: Session): void {
  const view = clusterView(s);
  const json = JSON.stringify(view);
  if (json === lastView) return;
  lastView = json;
  post({ type: 'state', view });
}
