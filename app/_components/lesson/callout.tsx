import type { ReactNode } from 'react';

const styles = {
  note: { label: 'Note', box: 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/50', icon: 'ℹ️' },
  tip: { label: 'Tip', box: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/50', icon: '💡' },
  warning: { label: 'Warning', box: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/50', icon: '⚠️' },
  danger: { label: 'Danger', box: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/50', icon: '⛔' },
} as const;

export type CalloutType = keyof typeof styles;

export function Callout({ type = 'note', title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  const style = styles[type] ?? styles.note;
  return (
    <aside role="note" aria-label={title ?? style.label} className={`rounded-lg border-l-4 px-4 py-3 ${style.box}`}>
      <p className="font-semibold">
        <span aria-hidden="true">{style.icon} </span>
        {title ?? style.label}
      </p>
      <div className="mt-1 [&>*+*]:mt-3">{children}</div>
    </aside>
  );
}
