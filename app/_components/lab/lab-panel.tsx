'use client';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lab, Locale, Transcript } from '@kubelab/lab-engine';
import { prestartLabWorker, useLab } from './use-lab';
import { Terminal } from './terminal';
import { EditorPanel } from './editor-panel';
import { ClusterView } from './cluster-view';
import { TasksPanel, type ServerGrade } from './tasks-panel';

export interface LabPanelProps {
  lab: Lab;
  contentVersion: string;
  locale: Locale;
  /** The signed-in learner's saved transcript (server), or null. */
  saved: Transcript | null;
  /** Present when signed in: persist the session and grade on the server. */
  saveAction?: (input: { labId: string; contentVersion: string; transcript: Transcript }) => Promise<{ ok: boolean; error?: string }>;
  checkAction?: (input: { labId: string; contentVersion: string; transcript: Transcript; clientStateHash: string; locale: Locale }) => Promise<ServerGrade>;
}

const SAVE_DEBOUNCE_MS = 2000;

// This module loads only on pages with a lab: start the engine's worker now, not after hydration.
prestartLabWorker();

/**
 * The lab beside a lesson: terminal (or the editor while one is open), tasks
 * and the live cluster view. Sessions are saved continuously — to the server
 * for signed-in learners, to localStorage for visitors — and resumed by replay.
 */
export function LabPanel({ lab, contentVersion, locale, saved, saveAction, checkAction }: LabPanelProps) {
  const storageKey = `kubelab:lab:${lab.id}:${contentVersion}`;
  const initial = useMemo(() => saved ?? (typeof window === 'undefined' ? null : readLocal(storageKey)), [saved, storageKey]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Transcript | null>(initial);
  const [tab, setTab] = useState<'tasks' | 'cluster'>('tasks');
  const [saveError, setSaveError] = useState<string | null>(null);

  const persist = (t: Transcript | null) => {
    latest.current = t;
    if (t === null) {
      localStorage.removeItem(storageKey);
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
  };
  const flush = async () => {
    const t = latest.current;
    if (!t) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify(t));
    } catch {
      // Storage full or disabled: the server copy (if any) still counts.
    }
    if (saveAction) {
      const r = await saveAction({ labId: lab.id, contentVersion, transcript: t });
      setSaveError(r.ok ? null : (r.error ?? 'not saved'));
    }
  };
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const handle = useLab(lab, locale, initial, persist);
  const idBase = useId();
  // WAI-ARIA tabs: arrow keys move between the two tabs (and select them).
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, k: 'tasks' | 'cluster') => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = k === 'tasks' ? 'cluster' : 'tasks';
    setTab(next);
    document.getElementById(`${idBase}-tab-${next}`)?.focus();
  };
  const editor = handle.state.editor;
  const serverCheck = checkAction ? (t: Transcript, stateHash: string) => checkAction({ labId: lab.id, contentVersion, transcript: t, clientStateHash: stateHash, locale }) : undefined;

  return (
    <div className="grid h-[44rem] max-h-[85vh] min-h-[28rem] grid-cols-1 overflow-hidden rounded-xl border border-slate-300 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] dark:border-slate-700" data-testid="lab">
      <div className="flex min-h-0 flex-col">
        {editor && <EditorPanel key={editor.path} path={editor.path} content={editor.content} onSave={(text) => handle.saveFile(editor.path, text)} onCancel={() => handle.cancelEditor()} />}
        {/* Hidden, not unmounted, while the editor is open: the terminal keeps its scrollback. */}
        <div className={editor ? 'hidden' : 'flex min-h-0 flex-1 flex-col'}>
          <Terminal lab={handle} active={!editor} label={`${lab.id} — ${handle.state.ready ? handle.state.prompt.replace(/\$ ?$/, '') : 'starting'}`} />
        </div>
      </div>
      <div className="flex min-h-0 flex-col border-t border-slate-300 lg:border-l lg:border-t-0 dark:border-slate-700">
        <div role="tablist" aria-label={locale === 'zh' ? '实验面板' : 'Lab panels'} className="flex border-b border-slate-200 text-sm dark:border-slate-700">
          {(['tasks', 'cluster'] as const).map((k) => (
            <button key={k} id={`${idBase}-tab-${k}`} role="tab" type="button" aria-selected={tab === k} aria-controls={`${idBase}-panel`} tabIndex={tab === k ? 0 : -1} className={`flex-1 px-3 py-2 ${tab === k ? 'border-b-2 border-brand-600 font-semibold' : 'text-slate-500'}`} onClick={() => setTab(k)} onKeyDown={(e) => onTabKey(e, k)}>
              {k === 'tasks' ? (locale === 'zh' ? '任务' : 'Tasks') : locale === 'zh' ? '集群' : 'Cluster'}
            </button>
          ))}
        </div>
        <div id={`${idBase}-panel`} role="tabpanel" aria-labelledby={`${idBase}-tab-${tab}`} className="min-h-0 flex-1 overflow-auto">
          {handle.state.error && (
            <p role="alert" className="m-3 rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              {handle.state.error}
            </p>
          )}
          {saveError && <p className="m-3 text-xs text-red-600">Saving failed: {saveError}</p>}
          {tab === 'tasks' ? <TasksPanel lab={lab} handle={handle} locale={locale} serverCheck={serverCheck} /> : <ClusterView view={handle.state.view} lab={handle} />}
        </div>
      </div>
    </div>
  );
}

function readLocal(key: string): Transcript | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Transcript) : null;
  } catch {
    return null;
  }
}
