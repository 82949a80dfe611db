'use client';
import { useEffect, useId, useRef, useState } from 'react';
import '@xterm/xterm/css/xterm.css';
import type { LabHandle } from './use-lab';
import { LineEditor } from './line-editor';
import { hasFastWebgl2 } from './webgl';

/**
 * The learner's terminal: xterm.js with the fit, web-links, search and (when
 * the browser allows) WebGL addons. Keys are edited locally (instant echo);
 * complete lines go to the lab worker. While a command runs, Ctrl-C
 * interrupts it and other keys are kept as type-ahead.
 */
export function Terminal({ lab, label, active = true }: { lab: LabHandle; label: string; active?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  // Remembered per browser: a screen-reader user should not have to switch it on in every lab.
  const [screenReader, setScreenReader] = useState(() => typeof window !== 'undefined' && window.localStorage.getItem(SCREEN_READER_KEY) === '1');
  const screenReaderRef = useRef(false);
  screenReaderRef.current = screenReader;
  const termRef = useRef<import('@xterm/xterm').Terminal | null>(null);
  const labRef = useRef(lab);
  labRef.current = lab;
  // Set on the lab's `ready` message; until then the terminal already takes keys (local echo)
  // and queues complete lines, so a learner can start typing while the cluster boots.
  const readyRef = useRef(lab.state.ready);
  const [loadError, setLoadError] = useState<string | null>(null);
  const hintId = useId();
  const early = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    if (!host.current) return;
    let disposed = false;
    const cleanups: (() => void)[] = [];
    void (async () => {
      let modules: Awaited<ReturnType<typeof loadXterm>>;
      try {
        modules = await (xtermModules ?? loadXterm());
      } catch (e) {
        if (!disposed) setLoadError(e instanceof Error ? e.message : String(e));
        return;
      }
      const [{ Terminal: XTerm }, { FitAddon }, { WebLinksAddon }, { SearchAddon }] = modules;
      if (disposed || !host.current) return;
      const term = new XTerm({
        convertEol: true,
        cursorBlink: true,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: 14,
        scrollback: 5000,
        screenReaderMode: screenReaderRef.current,
        theme: { background: '#0b1220', foreground: '#e2e8f0', cursor: '#7dd3fc' },
      });
      termRef.current = term;
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.loadAddon(new WebLinksAddon());
      term.loadAddon(new SearchAddon());
      term.open(host.current);
      fit.fit();
      const el = host.current;
      // Hidden (the editor is open): keep the size it had, rather than fitting to nothing.
      const ro = new ResizeObserver(() => el.offsetWidth > 0 && fit.fit());
      ro.observe(el);
      cleanups.push(() => ro.disconnect());
      // Nothing may be awaited between open() and onData below: a key typed in between would be lost.
      // The WebGL renderer loads afterwards (see loadWebgl).
      const editor = new LineEditor(labRef.current.state.prompt);
      let busy = false;
      let typeAhead = '';
      const queued: string[] = [];
      const writePrompt = (p: string) => {
        editor.setPrompt(p);
        term.write(p);
      };
      const greet = (resumed: boolean, prompt: string) => {
        // Replace the "starting" line, keeping whatever the learner typed meanwhile.
        term.write(`\r\x1b[K${resumed ? '\x1b[2m(session restored)\x1b[0m\r\n' : ''}`);
        writePrompt(prompt);
        term.write(editor.line);
        const back = editor.line.length - editor.cursor;
        if (back > 0) term.write(`\x1b[${back}D`);
      };
      // The lab may have become ready while xterm was loading (possibly before React re-rendered with it).
      const alreadyReady = labRef.current.readyMessage();
      readyRef.current = !!alreadyReady;
      if (alreadyReady) greet(alreadyReady.resumed, alreadyReady.prompt);
      else term.write('\x1b[2mStarting the cluster…\x1b[0m ');

      const submit = (line: string) => {
        if (!readyRef.current) {
          queued.push(line);
          return;
        }
        busy = true;
        labRef.current.sendLine(line);
      };
      const onKey = async (data: string) => {
        if (busy) {
          if (data === '\x03') labRef.current.interrupt();
          else typeAhead += data;
          return;
        }
        const r = editor.input(data);
        if (r.echo) term.write(r.echo);
        for (const a of r.actions) {
          if (a.type === 'submit') {
            if (busy) typeAhead += `${a.line}\r`;
            else submit(a.line);
          } else if (a.type === 'interrupt') writePrompt(labRef.current.state.prompt);
          else if (a.type === 'clear') {
            term.clear();
            term.write(`\r\x1b[K${labRef.current.state.prompt}${editor.line}`);
          } else if (a.type === 'complete') await complete(a.line, a.cursor);
        }
      };
      const complete = async (line: string, cursor: number) => {
        const c = await labRef.current.complete(line, cursor);
        if (!c.candidates.length) return;
        const prefix = commonPrefix(c.candidates);
        const word = line.slice(c.replaceFrom, cursor);
        if (c.candidates.length === 1) {
          const suffix = c.candidates[0].endsWith('/') ? '' : ' ';
          term.write(editor.applyCompletion(c.replaceFrom, c.candidates[0] + suffix));
        } else if (prefix.length > word.length) {
          term.write(editor.applyCompletion(c.replaceFrom, prefix));
        } else {
          term.write(`\r\n${columns(c.candidates, term.cols)}\r\n${labRef.current.state.prompt}${editor.line}`);
          const back = editor.line.length - editor.cursor;
          if (back > 0) term.write(`\x1b[${back}D`);
        }
      };
      // Keyboard-only use: Tab completes in the terminal, so (as in CodeMirror) Esc then Tab moves focus on instead.
      let escaped = false;
      term.attachCustomKeyEventHandler((ev) => {
        if (ev.type !== 'keydown') return true;
        if (ev.key === 'Tab' && escaped) {
          escaped = false;
          return false; // not handled by xterm: the browser moves focus
        }
        escaped = ev.key === 'Escape';
        return true;
      });
      const dataSub = term.onData((d) => void onKey(d));
      cleanups.push(() => dataSub.dispose());
      void loadWebgl(term, () => disposed);

      const unsub = labRef.current.subscribe((m) => {
        if (m.type === 'ready') {
          readyRef.current = true;
          greet(m.resumed, m.prompt);
          const first = queued.shift();
          if (first !== undefined) {
            typeAhead = queued.map((l) => `${l}\r`).join('') + typeAhead;
            queued.length = 0;
            term.write('\r\n');
            submit(first);
          }
        }
        if (m.type === 'output') term.write(m.chunk);
        if (m.type === 'line-end') {
          busy = false;
          writePrompt(m.prompt);
          if (typeAhead) {
            const pending = typeAhead;
            typeAhead = '';
            void onKey(pending);
          }
        }
      });
      cleanups.push(unsub);
      adoptEarlyInput(early.current, term, (text) => void onKey(text));
      setOpened(true);
      cleanups.push(() => term.dispose());
    })();
    return () => {
      disposed = true;
      for (const c of cleanups.reverse()) c();
      termRef.current = null;
    };
    // The terminal lives as long as the lab panel (a reset replaces the worker, not the terminal).
  }, []);

  // Back from the editor: the learner continues typing here.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) termRef.current?.focus();
    wasActive.current = active;
  }, [active]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.screenReaderMode = screenReader;
    try {
      window.localStorage.setItem(SCREEN_READER_KEY, screenReader ? '1' : '0');
    } catch {
      // Storage disabled: the toggle still works for this page.
    }
  }, [screenReader]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-between border-b border-slate-700 bg-slate-900 px-3 py-1 text-xs text-slate-300">
        <span>{label}</span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={screenReader} onChange={(e) => setScreenReader(e.target.checked)} />
          Screen reader mode
        </label>
      </div>
      {loadError && (
        <p role="alert" className="bg-red-950 p-2 text-xs text-red-200">
          The terminal could not be loaded ({loadError}). Reload the page to try again.
        </p>
      )}
      <div className="relative min-h-0 flex-1">
        <div ref={host} className="h-full bg-[#0b1220] p-2" data-testid="terminal" aria-label="Terminal" aria-describedby={`${hintId}`} />
        {!opened && (
          // Plain HTML that React does not manage: typing works before the page's scripts have run,
          // and hydration cannot reset what was typed.
          <div ref={early} className="absolute inset-0" dangerouslySetInnerHTML={{ __html: EARLY_INPUT_HTML }} />
        )}
      </div>
      <p id={hintId} className="sr-only">
        Tab completes commands. Press Escape, then Tab, to move focus out of the terminal.
      </p>
    </div>
  );
}

const SCREEN_READER_KEY = 'kubelab:screen-reader';

/**
 * What the terminal shows until xterm has loaded: a native one-line input,
 * so the first keystrokes are accepted and echoed by the browser itself
 * while the page's scripts load and hydrate. Lines typed there (Enter makes
 * a new line in a textarea without any script) run once the lab is ready.
 */
const EARLY_INPUT_HTML =
  '<label class="flex h-full items-start gap-2 bg-[#0b1220] p-2 font-mono text-sm leading-4 text-slate-200">' +
  '<span class="shrink-0 text-slate-500">Starting the cluster…</span>' +
  '<textarea data-early-input rows="1" aria-label="Terminal input" autocomplete="off" autocorrect="off" autocapitalize="off" spellcheck="false" ' +
  'class="h-full flex-1 resize-none overflow-hidden border-0 bg-transparent p-0 font-mono text-sm leading-4 text-slate-200 caret-sky-300 outline-none"></textarea></label>';

/**
 * Hands what was typed into the early input to the terminal, and the focus
 * with it, in one task: the next key already goes to xterm.
 */
function adoptEarlyInput(container: HTMLElement | null, term: import('@xterm/xterm').Terminal, type: (text: string) => void): void {
  const input = container?.querySelector<HTMLTextAreaElement>('textarea[data-early-input]');
  if (!input) return;
  const focused = document.activeElement === input;
  const text = input.value;
  input.readOnly = true;
  if (focused) term.focus();
  if (text) type(text.replace(/\r?\n/g, '\r'));
}

function loadXterm() {
  return Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), import('@xterm/addon-web-links'), import('@xterm/addon-search')]);
}

/**
 * xterm starts downloading when this module is evaluated (with the page's
 * scripts, before hydration), not when the terminal mounts: that removes a
 * network round trip from "page open → first keystroke".
 */
const xtermModules = typeof window === 'undefined' ? null : loadXterm();
// Handled where it is awaited (the terminal shows the error); this only keeps an early failure from being reported as unhandled.
xtermModules?.catch(() => undefined);

/**
 * The WebGL renderer, where WebGL is hardware accelerated. With a software
 * rasteriser (SwiftShader, llvmpipe: no GPU, `--disable-gpu`, a blocklisted
 * driver) it is slower than xterm's DOM renderer — every frame is drawn on
 * the CPU and read back, measured at 200–900 ms main-thread tasks while the
 * lab boots in headless Chromium — so there the DOM renderer stays.
 */
async function loadWebgl(term: import('@xterm/xterm').Terminal, isDisposed: () => boolean): Promise<void> {
  if (!hasFastWebgl2()) return;
  try {
    const { WebglAddon } = await import('@xterm/addon-webgl');
    if (isDisposed()) return;
    const webgl = new WebglAddon();
    webgl.onContextLoss(() => webgl.dispose());
    term.loadAddon(webgl);
  } catch {
    // No WebGL after all: the DOM renderer is fine.
  }
}

function commonPrefix(items: string[]): string {
  let p = items[0] ?? '';
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function columns(items: string[], width: number): string {
  const col = Math.max(...items.map((i) => i.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / col));
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow).map((s) => s.padEnd(col)).join('').trimEnd());
  return rows.join('\r\n');
}
