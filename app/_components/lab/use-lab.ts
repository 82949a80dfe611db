'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Completion, Lab, Locale, TaskResult, Transcript } from '@kubelab/lab-engine';
import type { ClusterView, FromWorker, ObjectRef, ToWorker } from './protocol';

export interface LabState {
  ready: boolean;
  resumed: boolean;
  prompt: string;
  busy: boolean;
  view: ClusterView | null;
  editor: { path: string; content: string } | null;
  results: Record<string, TaskResult>;
  error: string | null;
  replayMs: number;
}

export interface LabHandle {
  state: LabState;
  sendLine(line: string): void;
  interrupt(): void;
  complete(line: string, cursor: number): Promise<Completion>;
  saveFile(path: string, content: string): void;
  cancelEditor(): void;
  grade(taskId?: string): Promise<{ results: TaskResult[]; transcript: Transcript; stateHash: string }>;
  inspect(ref: ObjectRef): Promise<string>;
  /** Output chunks and line ends, for the terminal. */
  subscribe(fn: (m: FromWorker) => void): () => void;
  /**
   * The worker's `ready` message, as soon as it arrived (React state lags a
   * render behind): a subscriber that joins late checks this, or it would
   * miss `ready` for good.
   */
  readyMessage(): Extract<FromWorker, { type: 'ready' }> | null;
  transcript(): Transcript | null;
  reset(): void;
}

function createLabWorker(): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
}

let prestarted: Worker | null = null;

/**
 * Starts the lab worker before React has hydrated the page, so that its
 * script (the engine, ~3 MB) downloads and compiles while the page boots.
 * Called when the lab panel's module is evaluated; the first lab that mounts
 * adopts the worker (it only boots a session once it receives `init`).
 */
export function prestartLabWorker(): void {
  if (typeof window === 'undefined' || typeof Worker === 'undefined' || prestarted) return;
  prestarted = createLabWorker();
}

function takeLabWorker(): Worker {
  const w = prestarted ?? createLabWorker();
  prestarted = null;
  return w;
}

/**
 * Runs a lab in a Web Worker and exposes it to React. The first mount adopts
 * the worker started by prestartLabWorker; a reset replaces it; `saved`
 * resumes a session by replay.
 */
export function useLab(lab: Lab, locale: Locale, saved: Transcript | null, onTranscript: (t: Transcript | null) => void): LabHandle {
  const workerRef = useRef<Worker | null>(null);
  const listeners = useRef(new Set<(m: FromWorker) => void>());
  const pending = useRef(new Map<string, (m: FromWorker) => void>());
  const transcriptRef = useRef<Transcript | null>(saved);
  const nextId = useRef(1);
  const readyRef = useRef<Extract<FromWorker, { type: 'ready' }> | null>(null);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<LabState>(initialState);
  const onTranscriptRef = useRef(onTranscript);
  onTranscriptRef.current = onTranscript;

  useEffect(() => {
    const worker = takeLabWorker();
    readyRef.current = null;
    workerRef.current = worker;
    setState(initialState());
    worker.onmessage = (ev: MessageEvent<FromWorker>) => handle(ev.data);
    worker.onerror = (e) => setState((s) => ({ ...s, error: e.message || 'The lab stopped unexpectedly.' }));
    const post = (m: ToWorker) => worker.postMessage(m);
    post({ type: 'init', lab, locale, transcript: generation === 0 ? (saved ?? undefined) : undefined });
    const tick = setInterval(() => post({ type: 'tick' }), 500);
    return () => {
      clearInterval(tick);
      worker.terminate();
      workerRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lab, generation]);

  function handle(m: FromWorker): void {
    if (m.type === 'ready') readyRef.current = m;
    for (const l of listeners.current) l(m);
    switch (m.type) {
      case 'ready':
        setState((s) => ({ ...s, ready: true, resumed: m.resumed, prompt: m.prompt, replayMs: m.replayMs }));
        break;
      case 'line-end':
        setState((s) => ({ ...s, busy: false, prompt: m.prompt }));
        break;
      case 'editor':
        setState((s) => ({ ...s, editor: { path: m.path, content: m.content } }));
        break;
      case 'state':
        setState((s) => ({ ...s, view: m.view }));
        break;
      case 'transcript':
        transcriptRef.current = m.transcript;
        onTranscriptRef.current(m.transcript);
        break;
      case 'graded': {
        transcriptRef.current = m.transcript;
        const byId = Object.fromEntries(m.results.map((r) => [r.taskId, r]));
        setState((s) => ({ ...s, results: { ...s.results, ...byId } }));
        pending.current.get('grade')?.(m);
        break;
      }
      case 'completion':
        pending.current.get(`complete:${m.id}`)?.(m);
        break;
      case 'object':
        pending.current.get(`object:${m.ref.resource}/${m.ref.namespace ?? ''}/${m.ref.name}`)?.(m);
        break;
      case 'error':
        setState((s) => ({ ...s, error: m.message }));
        break;
    }
  }

  const post = useCallback((m: ToWorker) => workerRef.current?.postMessage(m), []);
  const waitFor = useCallback(<T extends FromWorker>(key: string, send: () => void) => {
    return new Promise<T>((resolve) => {
      pending.current.set(key, (m) => {
        pending.current.delete(key);
        resolve(m as T);
      });
      send();
    });
  }, []);

  return {
    state,
    sendLine: (line) => {
      setState((s) => ({ ...s, busy: true, editor: null }));
      post({ type: 'line', line });
    },
    interrupt: () => post({ type: 'interrupt' }),
    complete: async (line, cursor) => {
      const id = nextId.current++;
      const m = await waitFor<Extract<FromWorker, { type: 'completion' }>>(`complete:${id}`, () => post({ type: 'complete', id, line, cursor }));
      return m.completion;
    },
    saveFile: (path, content) => {
      setState((s) => ({ ...s, editor: null }));
      post({ type: 'save-file', path, content });
    },
    cancelEditor: () => {
      setState((s) => ({ ...s, editor: null }));
      post({ type: 'cancel-editor' });
    },
    grade: async (taskId) => {
      const m = await waitFor<Extract<FromWorker, { type: 'graded' }>>('grade', () => post({ type: 'grade', taskId, locale }));
      return { results: m.results, transcript: m.transcript, stateHash: m.stateHash };
    },
    inspect: async (ref) => {
      const m = await waitFor<Extract<FromWorker, { type: 'object' }>>(`object:${ref.resource}/${ref.namespace ?? ''}/${ref.name}`, () => post({ type: 'inspect', ref }));
      return m.yaml;
    },
    subscribe: (fn) => {
      listeners.current.add(fn);
      return () => listeners.current.delete(fn);
    },
    transcript: () => transcriptRef.current,
    readyMessage: () => readyRef.current,
    reset: () => {
      transcriptRef.current = null;
      onTranscriptRef.current(null);
      setGeneration((g) => g + 1);
    },
  };
}

function initialState(): LabState {
  return { ready: false, resumed: false, prompt: '', busy: false, view: null, editor: null, results: {}, error: null, replayMs: 0 };
}
