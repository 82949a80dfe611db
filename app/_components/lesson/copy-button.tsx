'use client';

import { useState } from 'react';

export function CopyButton({ getText }: { getText?: () => string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={copied ? 'Copied' : 'Copy code'}
      className="absolute right-2 top-2 rounded border border-slate-300 bg-white/90 px-2 py-1 text-xs text-slate-600 opacity-70 hover:opacity-100 focus:opacity-100 dark:border-slate-700 dark:bg-slate-900/90 dark:text-slate-300"
      onClick={async (event) => {
        const pre = (event.currentTarget.parentElement as HTMLElement).querySelector('pre');
        const text = getText?.() ?? pre?.innerText ?? '';
        await navigator.clipboard.writeText(text.replace(/\n$/, ''));
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
