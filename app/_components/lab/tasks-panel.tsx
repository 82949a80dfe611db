'use client';
import { useState } from 'react';
import type { Lab, Locale, TaskResult, Transcript } from '@kubelab/lab-engine';
// The small text helper only: importing the engine's main entry here would bundle the whole engine into the page.
import { pickText } from '@kubelab/lab-engine/text';
import type { LabHandle } from './use-lab';
import { InlineMarkdown } from './inline-markdown';

export interface ServerGrade {
  ok: boolean;
  error?: string;
  results?: { taskId: string; passed: boolean; message: string }[];
}

const T = {
  en: { check: 'Check', checkAll: 'Check all', checking: 'Checking…', hint: 'Show a hint', solution: 'Show the solution', reset: 'Reset lab', points: 'points', recorded: 'Recorded', signIn: 'Sign in to record your progress.', confirmReset: 'Start this lab again from the beginning? Your work in it is lost.', serverSays: 'Server check' },
  zh: { check: '检查', checkAll: '全部检查', checking: '检查中…', hint: '显示提示', solution: '显示参考答案', reset: '重置实验', points: '分', recorded: '已记录', signIn: '登录后即可记录你的进度。', confirmReset: '要从头开始这个实验吗？当前的操作将会丢失。', serverSays: '服务器检查' },
} as const;

/**
 * Tasks with Check buttons. The result computed in the browser is shown at
 * once; for signed-in learners the transcript then goes to the server, which
 * replays and grades it — only that result is recorded.
 */
export function TasksPanel({ lab, handle, locale, serverCheck }: { lab: Lab; handle: LabHandle; locale: Locale; serverCheck?: (t: Transcript, stateHash: string) => Promise<ServerGrade> }) {
  const t = T[locale];
  const [hintsShown, setHintsShown] = useState<Record<string, number>>({});
  const [attempted, setAttempted] = useState<Record<string, boolean>>({});
  const [solution, setSolution] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const [server, setServer] = useState<ServerGrade | null>(null);
  const results = handle.state.results;
  const points = lab.tasks.reduce((n, task) => n + (results[task.id]?.passed ? task.points : 0), 0);
  const total = lab.tasks.reduce((n, task) => n + task.points, 0);

  const check = async (taskId?: string) => {
    setChecking(taskId ?? '*');
    try {
      const { results: local, transcript, stateHash } = await handle.grade(taskId);
      setAttempted((a) => ({ ...a, ...Object.fromEntries(local.map((r) => [r.taskId, true])) }));
      if (serverCheck) setServer(await serverCheck(transcript, stateHash));
    } finally {
      setChecking(null);
    }
  };
  const canRevealSolution = lab.revealSolution === 'always' || (lab.revealSolution === 'after-attempt' && Object.keys(attempted).length > 0);

  return (
    <div className="space-y-3 p-3 text-sm">
      <div className="flex items-center justify-between">
        <span className="font-medium" aria-live="polite">
          {points}/{total} {t.points}
        </span>
        <div className="flex gap-2">
          <button type="button" disabled={!handle.state.ready || !!checking} className="rounded bg-brand-600 px-3 py-1 text-white disabled:opacity-50" onClick={() => void check()}>
            {checking === '*' ? t.checking : t.checkAll}
          </button>
          <button type="button" className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700" onClick={() => window.confirm(t.confirmReset) && handle.reset()}>
            {t.reset}
          </button>
        </div>
      </div>
      {!serverCheck && <p className="text-xs text-slate-500">{t.signIn}</p>}
      {server && !server.ok && <p role="alert" className="rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">{t.serverSays}: {server.error}</p>}
      <ol className="space-y-3">
        {lab.tasks.map((task, i) => (
          <li key={task.id} className="rounded border border-slate-200 p-3 dark:border-slate-700" data-testid={`task-${task.id}`}>
            <div className="flex items-start justify-between gap-2">
              <h3 className="font-semibold">
                {i + 1}. {pickText(task.title ?? task.ask, locale).split('\n')[0].slice(0, 80)}
              </h3>
              <button type="button" disabled={!handle.state.ready || !!checking} className="shrink-0 rounded border border-brand-600 px-2 py-0.5 text-brand-700 disabled:opacity-50 dark:text-brand-300" onClick={() => void check(task.id)}>
                {checking === task.id ? t.checking : t.check}
              </button>
            </div>
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              <InlineMarkdown text={pickText(task.ask, locale)} />
            </p>
            <Result result={results[task.id]} recorded={server?.results?.find((r) => r.taskId === task.id)} recordedLabel={t.recorded} />
            {task.hints.slice(0, hintsShown[task.id] ?? 0).map((h, k) => (
              <p key={k} className="mt-2 rounded bg-amber-50 p-2 text-xs dark:bg-amber-950/40">
                💡 <InlineMarkdown text={pickText(h, locale)} />
              </p>
            ))}
            {(hintsShown[task.id] ?? 0) < task.hints.length && (
              <button type="button" className="mt-2 text-xs text-brand-700 underline dark:text-brand-300" onClick={() => setHintsShown((s) => ({ ...s, [task.id]: (s[task.id] ?? 0) + 1 }))}>
                {t.hint} ({(hintsShown[task.id] ?? 0) + 1}/{task.hints.length})
              </button>
            )}
          </li>
        ))}
      </ol>
      {canRevealSolution && (
        <details open={solution} onToggle={(e) => setSolution((e.target as HTMLDetailsElement).open)}>
          <summary className="cursor-pointer text-xs text-brand-700 dark:text-brand-300">{t.solution}</summary>
          <pre className="mt-2 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">{lab.solution}</pre>
        </details>
      )}
    </div>
  );
}

function Result({ result, recorded, recordedLabel }: { result?: TaskResult; recorded?: { passed: boolean; message: string }; recordedLabel: string }) {
  if (!result) return null;
  return (
    <div role="status" className={`mt-2 rounded p-2 text-xs ${result.passed ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200' : 'bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200'}`} data-testid="task-result">
      {result.passed ? '✓ ' : '✗ '}
      {result.message}
      {result.checks.length > 1 && (
        <ul className="mt-1 list-inside list-disc">
          {result.checks.map((c, i) => (
            <li key={i}>{c.message}</li>
          ))}
        </ul>
      )}
      {recorded && <span className="ml-1 opacity-70">· {recordedLabel}: {recorded.passed ? '✓' : '✗'}</span>}
    </div>
  );
}
