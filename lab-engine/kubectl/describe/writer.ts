/**
 * describe.go's PrefixWriter over a tabwriter (minwidth 0, tabwidth 8,
 * padding 2): Write(level, text) indents by two spaces per level; flush()
 * closes the current alignment (DescribeEvents flushes before its table).
 */
import { TabWriter } from '../printers/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private tw = new TabWriter(0, 8, 2);
  private done: string[] = [];

  /** raw: no alignment (tabs written as is), as `rollout history --revision` prints the template. */
  constructor(private readonly raw = false) {}

  write(level: number, text: string): void {
    if (this.raw) this.done.push('  '.repeat(level) + text);
    else this.tw.write('  '.repeat(level) + text);
  }

  /** WriteLine: the values joined by a space, then "\n". */
  line(...parts: string[]): void {
    this.write(0, parts.join(' ') + '\n');
  }

  flush(): void {
    if (!this.raw) this.done.push(this.tw.flush());
  }

  /** tabbedString's result. */
  toString(): string {
    this.flush();
    return this.done.join('');
  }
}
