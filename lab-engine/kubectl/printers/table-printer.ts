/**
 * kubectl's client side of tables: cli-runtime/pkg/printers/tableprinter.go
 * (decorateTable: NAMESPACE first, -L columns, LABELS, `kind/` name prefix;
 * printTable: priority-0 columns unless wide, headers upper-cased, string cells
 * cut at the first line break + "...", terminal escapes) feeding the tabwriter.
 */
import type { Table, TableColumnDefinition } from './types';
import { formatLabels } from './helpers';

export interface TablePrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  /** -A on a namespaced kind. */
  withNamespace?: boolean;
  showLabels?: boolean;
  /** -L keys, in order. */
  labelColumns?: string[];
  /** `pod`, `deployment.apps`: prefixes the name column when several kinds are printed. */
  kindPrefix?: string;
  /** --output-watch-events: an EVENT column first, one value per row. */
  watchEvents?: string[];
}

/** decorateTable + printTable: returns the tab-separated lines (header unless noHeaders). */
export function tableText(table: Table, opts: TablePrintOptions): string {
  const labelCols = opts.labelColumns ?? [];
  const columns: TableColumnDefinition[] = [];
  if (opts.watchEvents) columns.push({ name: 'Event', type: 'string', format: '', description: '', priority: 0 });
  if (opts.withNamespace) columns.push({ name: 'Namespace', type: 'string', format: '', description: '', priority: 0 });
  columns.push(...table.columnDefinitions);
  for (const l of labelCols) columns.push({ name: l.split('/').pop()!.toUpperCase(), type: 'string', format: '', description: '', priority: 0 });
  if (opts.showLabels) columns.push({ name: 'Labels', type: 'string', format: '', description: '', priority: 0 });
  const nameIdx = opts.kindPrefix ? table.columnDefinitions.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const shown = columns.map((c) => opts.wide || c.priority === 0);
  const out: string[] = [];
  if (!opts.noHeaders) {
    if (table.rows.length === 0) return '';
    out.push(columns.filter((_, i) => shown[i]).map((c) => c.name.toUpperCase()).join('\t'), '\n');
  }
  table.rows.forEach((row, r) => {
    const cells = row.cells.slice(0, table.columnDefinitions.length);
    if (nameIdx >= 0) cells[nameIdx] = `${opts.kindPrefix}/${cells[nameIdx]}`;
    const labels = row.object?.metadata?.labels ?? {};
    const all: unknown[] = [];
    if (opts.watchEvents) all.push(opts.watchEvents[r]);
    if (opts.withNamespace) all.push(row.object?.metadata?.namespace ?? '');
    all.push(...cells);
    for (const l of labelCols) all.push(labels[l] ?? '');
    if (opts.showLabels) all.push(formatLabels(labels));
    const parts: string[] = [];
    for (let i = 0; i < all.length && i < columns.length; i++) if (shown[i]) parts.push(cellText(all[i]));
    out.push(parts.join('\t'), '\n');
  });
  return out.join('');
}

/** printTable's cell rendering. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  let s: string;
  if (typeof cell === 'string') {
    s = cell;
    const brk = s.search(/[\f\n\r]/);
    if (brk >= 0) s = s.slice(0, brk) + '...';
  } else s = String(cell);
  return escapeTerminal(s);
}

/** cli-runtime EscapeTerminal: ESC → `^[`, CR → `\r`. */
export function escapeTerminal(s: string): string {
  if (!s.includes('\x1b') && !s.includes('\r')) return s;
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
