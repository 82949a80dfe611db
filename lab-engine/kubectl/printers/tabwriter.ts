/**
 * Go text/tabwriter (as forked in cli-runtime/pkg/printers/tabwriter.go), flags 0,
 * padchar ' ': cells are tab-terminated, the last cell of a line is never padded,
 * a column's width is per block of consecutive lines that have that column.
 *
 *   kubectl get:      new TabWriter(6, 4, 3)   (printers.GetNewTabWriter)
 *   kubectl describe: new TabWriter(0, 8, 2)   (describe.go tabbedString)
 */
export class TabWriter {
  private lines: string[][] = [[]];
  private partial = '';
  /** Column widths remembered across flushes (cli-runtime's RememberWidths for --watch). */
  rememberedWidths: number[] | null = null;

  constructor(
    readonly minwidth = 6,
    readonly tabwidth = 4,
    readonly padding = 3,
  ) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 9 /* \t */) {
        this.lines[this.lines.length - 1].push(this.partial + text.slice(start, i));
        this.partial = '';
        start = i + 1;
      } else if (c === 10 /* \n */) {
        this.lines[this.lines.length - 1].push(this.partial + text.slice(start, i));
        this.partial = '';
        this.lines.push([]);
        start = i + 1;
      }
    }
    this.partial += text.slice(start);
  }

  /** Formats everything written so far and resets; returns the text. */
  flush(): string {
    const lines = this.lines;
    lines[lines.length - 1].push(this.partial);
    this.lines = [[]];
    this.partial = '';
    const out: string[] = [];
    const widths: number[] = [];
    this.format(lines, 0, lines.length, widths, out);
    return out.join('');
  }

  private format(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      this.writeLines(lines, line0, t, widths, out);
      line0 = t;
      let width = this.minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        const w = runeLength(line[column]) + this.padding;
        if (w > width) width = w;
      }
      const remembered = this.rememberedWidths;
      if (remembered) {
        if (column < remembered.length && remembered[column] > width) width = remembered[column];
        remembered[column] = width;
      }
      widths.push(width);
      this.format(lines, line0, t, widths, out);
      widths.pop();
      line0 = t;
      t--;
    }
    this.writeLines(lines, line0, line1, widths, out);
  }

  private writeLines(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        out.push(c);
        if (j < widths.length) {
          const pad = widths[j] - runeLength(c);
          if (pad > 0) out.push(' '.repeat(pad));
        }
      }
      if (i + 1 < lines.length) out.push('\n');
    }
  }
}

function runeLength(s: string): number {
  // Fast path: ASCII strings (almost every cell).
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return [...s].length;
  return s.length;
}

/** One-shot formatting of tab-separated text. */
export function tabwrite(text: string, minwidth: number, tabwidth: number, padding: number): string {
  const w = new TabWriter(minwidth, tabwidth, padding);
  w.write(text);
  return w.flush();
}
