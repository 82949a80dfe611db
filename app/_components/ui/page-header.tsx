import type { ReactNode } from 'react';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {children && <div className="mt-2 text-slate-600 dark:text-slate-400">{children}</div>}
    </div>
  );
}
