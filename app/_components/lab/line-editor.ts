/**
 * The terminal's line discipline, kept apart from xterm so it can be tested:
 * readline-like editing (cursor keys, Home/End, Ctrl-A/E/U/K/W, Backspace,
 * Delete), history (Up/Down), reverse search (Ctrl-R) and multi-line paste.
 * It turns raw input into output to echo and into actions for the session.
 */
export type EditorAction =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'clear' }
  | { type: 'complete'; line: string; cursor: number }
  | { type: 'eof' };

const CSI = '\x1b[';

export class LineEditor {
  line = '';
  cursor = 0;
  private history: string[] = [];
  private historyIndex = -1;
  private draft = '';
  private search: { query: string; match: string } | null = null;

  constructor(private prompt: string) {}

  setPrompt(p: string): void {
    this.prompt = p;
  }

  loadHistory(lines: string[]): void {
    this.history = lines.filter(Boolean).slice(-1000);
  }

  /** Handles input; returns what to write to the terminal and the actions to perform. */
  input(data: string): { echo: string; actions: EditorAction[] } {
    // A paste of several lines: every complete line is submitted in order.
    if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b')) return this.paste(data);
    if (this.search) return this.searchInput(data);
    return this.key(data);
  }

  private paste(data: string): { echo: string; actions: EditorAction[] } {
    const parts = data.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n');
    const actions: EditorAction[] = [];
    let echo = '';
    parts.forEach((part, i) => {
      const r = this.insert(part);
      echo += r;
      if (i < parts.length - 1) {
        echo += '\r\n';
        actions.push(this.submit());
      }
    });
    return { echo, actions };
  }

  private key(data: string): { echo: string; actions: EditorAction[] } {
    switch (data) {
      case '\r':
        return { echo: '\r\n', actions: [this.submit()] };
      case '\x03': // Ctrl-C
        this.resetLine();
        return { echo: '^C\r\n', actions: [{ type: 'interrupt' }] };
      case '\x0c': // Ctrl-L
        return { echo: '', actions: [{ type: 'clear' }] };
      case '\x04': // Ctrl-D on an empty line
        return this.line === '' ? { echo: '', actions: [{ type: 'eof' }] } : { echo: this.deleteAt(), actions: [] };
      case '\t':
        return { echo: '', actions: [{ type: 'complete', line: this.line, cursor: this.cursor }] };
      case '\x12': // Ctrl-R
        this.search = { query: '', match: '' };
        return { echo: this.redrawSearch(), actions: [] };
      case '\x7f':
      case '\b':
        return { echo: this.backspace(), actions: [] };
      case `${CSI}3~`:
        return { echo: this.deleteAt(), actions: [] };
      case `${CSI}D`:
        return { echo: this.move(-1), actions: [] };
      case `${CSI}C`:
        return { echo: this.move(1), actions: [] };
      case `${CSI}H`:
      case '\x01':
        return { echo: this.move(-this.cursor), actions: [] };
      case `${CSI}F`:
      case '\x05':
        return { echo: this.move(this.line.length - this.cursor), actions: [] };
      case `${CSI}A`:
        return { echo: this.historyStep(-1), actions: [] };
      case `${CSI}B`:
        return { echo: this.historyStep(1), actions: [] };
      case '\x15': // Ctrl-U: kill to start
        return { echo: this.replace(this.line.slice(this.cursor), 0), actions: [] };
      case '\x0b': // Ctrl-K: kill to end
        return { echo: this.replace(this.line.slice(0, this.cursor), this.cursor), actions: [] };
      case '\x17': {
        // Ctrl-W: kill the word before the cursor
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '');
        return { echo: this.replace(before + this.line.slice(this.cursor), before.length), actions: [] };
      }
    }
    if (data.startsWith('\x1b')) return { echo: '', actions: [] }; // other escape sequences: ignore
    return { echo: this.insert(data.replace(/[\x00-\x1f]/g, '')), actions: [] };
  }

  /** Applies a completion: replaces the word starting at `from` with `text`. */
  applyCompletion(from: number, text: string): string {
    return this.replace(this.line.slice(0, from) + text + this.line.slice(this.cursor), from + text.length);
  }

  private submit(): EditorAction {
    const line = this.line;
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.resetLine();
    return { type: 'submit', line };
  }

  private resetLine(): void {
    this.line = '';
    this.cursor = 0;
    this.historyIndex = -1;
    this.draft = '';
  }

  private insert(text: string): string {
    if (!text) return '';
    return this.replace(this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor), this.cursor + text.length);
  }

  private backspace(): string {
    if (this.cursor === 0) return '';
    return this.replace(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
  }

  private deleteAt(): string {
    if (this.cursor >= this.line.length) return '';
    return this.replace(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
  }

  private move(delta: number): string {
    const next = Math.max(0, Math.min(this.line.length, this.cursor + delta));
    const d = next - this.cursor;
    this.cursor = next;
    if (d === 0) return '';
    return d < 0 ? `${CSI}${-d}D` : `${CSI}${d}C`;
  }

  private historyStep(dir: -1 | 1): string {
    if (!this.history.length) return '';
    if (this.historyIndex === -1) {
      if (dir === 1) return '';
      this.draft = this.line;
      this.historyIndex = this.history.length - 1;
    } else {
      this.historyIndex += dir;
      if (this.historyIndex >= this.history.length) {
        this.historyIndex = -1;
        return this.replace(this.draft, this.draft.length);
      }
      if (this.historyIndex < 0) this.historyIndex = 0;
    }
    const h = this.history[this.historyIndex];
    return this.replace(h, h.length);
  }

  /** Rewrites the whole input line: back to the prompt's end, print, clear the rest, place the cursor. */
  private replace(text: string, cursor: number): string {
    const back = this.cursor > 0 ? `${CSI}${this.cursor}D` : '';
    this.line = text;
    this.cursor = cursor;
    const fwd = text.length - cursor > 0 ? `${CSI}${text.length - cursor}D` : '';
    return `${back}${CSI}K${text}${fwd}`;
  }

  private searchInput(data: string): { echo: string; actions: EditorAction[] } {
    const s = this.search!;
    if (data === '\x12') {
      // Ctrl-R again: older match
      const older = [...this.history].reverse().filter((h) => h.includes(s.query) && h !== s.match);
      const idx = [...this.history].reverse().indexOf(s.match);
      s.match = [...this.history].reverse().slice(idx + 1).find((h) => h.includes(s.query)) ?? older[0] ?? s.match;
      return { echo: this.redrawSearch(), actions: [] };
    }
    if (data === '\x7f') s.query = s.query.slice(0, -1);
    else if (data === '\x03' || data === '\x07') {
      this.search = null;
      return { echo: `\r${CSI}K${this.prompt}${this.line}`, actions: [] };
    } else if (data === '\r' || data.startsWith('\x1b')) {
      const chosen = s.match || this.line;
      this.search = null;
      this.line = chosen;
      this.cursor = chosen.length;
      const out = `\r${CSI}K${this.prompt}${chosen}`;
      return data === '\r' ? { echo: `${out}\r\n`, actions: [this.submit()] } : { echo: out, actions: [] };
    } else if (!/[\x00-\x1f]/.test(data)) s.query += data;
    s.match = [...this.history].reverse().find((h) => h.includes(s.query)) ?? '';
    return { echo: this.redrawSearch(), actions: [] };
  }

  private redrawSearch(): string {
    const s = this.search!;
    return `\r${CSI}K(reverse-i-search)\`${s.query}': ${s.match}`;
  }
}
