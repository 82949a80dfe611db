'use client';

import { Children, useId, useState, type ReactNode } from 'react';

/** `<Tabs labels={["A", "B"]}><Tab>…</Tab><Tab>…</Tab></Tabs>` in lesson MDX. */
export function Tabs({ labels, children }: { labels: string[]; children: ReactNode }) {
  const [active, setActive] = useState(0);
  const id = useId();
  const panels = Children.toArray(children);
  return (
    <div className="not-prose rounded-lg border border-slate-200 dark:border-slate-800">
      <div role="tablist" className="flex gap-1 border-b border-slate-200 px-2 dark:border-slate-800">
        {labels.map((label, i) => (
          <button
            key={label}
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={active === i}
            aria-controls={`${id}-panel-${i}`}
            onClick={() => setActive(i)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              active === i
                ? 'border-brand-500 text-brand-600 dark:text-brand-100'
                : 'border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      {panels.map((panel, i) => (
        <div
          key={i}
          role="tabpanel"
          id={`${id}-panel-${i}`}
          aria-labelledby={`${id}-tab-${i}`}
          hidden={active !== i}
          className="p-4 [&>*+*]:mt-4"
        >
          {panel}
        </div>
      ))}
    </div>
  );
}

export function Tab({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
