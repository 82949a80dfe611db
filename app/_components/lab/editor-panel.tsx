'use client';
import { useEffect, useRef } from 'react';

/**
 * The editor that `vi`, `vim`, `nano` and `kubectl edit` open: CodeMirror 6
 * with YAML support. Saving writes the file back into the session (recorded
 * in the transcript); quitting without saving cancels, as `:q!` would.
 */
export function EditorPanel({ path, content, onSave, onCancel }: { path: string; content: string; onSave: (text: string) => void; onCancel: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<import('@codemirror/view').EditorView | null>(null);

  useEffect(() => {
    let disposed = false;
    void (async () => {
      const [{ EditorView, basicSetup }, { yaml }, { keymap }] = await Promise.all([import('codemirror'), import('@codemirror/lang-yaml'), import('@codemirror/view')]);
      if (disposed || !host.current) return;
      const save = () => {
        onSave(viewRef.current?.state.doc.toString() ?? content);
        return true;
      };
      const view = new EditorView({
        doc: content,
        parent: host.current,
        extensions: [basicSetup, yaml(), keymap.of([{ key: 'Mod-s', run: save, preventDefault: true }, { key: 'Escape', run: () => (onCancel(), true) }]), EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontFamily: 'ui-monospace, monospace' } })],
      });
      viewRef.current = view;
      view.focus();
    })();
    return () => {
      disposed = true;
      viewRef.current?.destroy();
      viewRef.current = null;
    };
    // The editor opens once per file; later prop changes are ignored on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  return (
    <div className="flex h-full min-h-0 flex-col bg-white dark:bg-slate-950" role="dialog" aria-label={`Editing ${path}`}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
        <span className="truncate font-mono">{path}</span>
        <div className="flex gap-2">
          <button type="button" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700" onClick={() => onSave(viewRef.current?.state.doc.toString() ?? content)}>
            Save &amp; close <kbd className="ml-1 opacity-70">Ctrl-S</kbd>
          </button>
          <button type="button" className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700" onClick={onCancel}>
            Quit without saving
          </button>
        </div>
      </div>
      <div ref={host} className="min-h-0 flex-1 overflow-auto text-sm" data-testid="editor" />
    </div>
  );
}
