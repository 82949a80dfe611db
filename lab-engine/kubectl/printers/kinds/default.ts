/**
 * Kinds without a printers.go handler: the apiserver's default table convertor
 * (apiserver/pkg/registry/rest/table.go: NAME, CREATED AT in RFC 3339), and the
 * custom resource convertor (apiextensions-apiserver tableconvertor: NAME plus
 * the CRD's additionalPrinterColumns evaluated with JSONPath).
 */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, type TableColumnDefinition, col, NAME_DESCRIPTION } from '../types';
import { ageSince } from '../helpers';
import { findValues, parseJsonPath } from '../../output';

export const defaultPrinter: KindPrinter = {
  columns: [col('Name'), { name: 'Created At', type: 'date', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata', priority: 0 }],
  row(o) {
    const ts = o.metadata.creationTimestamp;
    return [o.metadata.name, ts ? new Date(Date.parse(ts)).toISOString().replace(/\.\d{3}Z$/, 'Z') : '0001-01-01T00:00:00Z'];
  },
};

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** The CRD default: an Age column over .metadata.creationTimestamp. */
const DEFAULT_CR_COLUMNS: PrinterColumn[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata' }];

export function customResourcePrinter(columns: PrinterColumn[] | undefined): KindPrinter {
  const cols = columns && columns.length > 0 ? columns : DEFAULT_CR_COLUMNS;
  const parsed = cols.map((c) => parseJsonPath(`{${c.jsonPath}}`));
  const defs: TableColumnDefinition[] = [
    { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 },
    ...cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 })),
  ];
  return {
    columns: defs,
    row(o: KubeObject, ctx) {
      return [o.metadata.name, ...cols.map((c, i) => crCell(c, o, parsed[i], ctx.nowMs))];
    },
  };
}

function crCell(c: PrinterColumn, o: KubeObject, path: ReturnType<typeof parseJsonPath>, nowMs: number): unknown {
  let values: unknown[];
  try {
    values = findValues(path, o).flat();
  } catch {
    return null;
  }
  if (values.length === 0 || values[0] === undefined || values[0] === null) return null;
  const v = values[0];
  if (c.type === 'date' && typeof v === 'string') return ageSince(v, nowMs);
  if (c.type === 'integer' || c.type === 'number' || c.type === 'boolean') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}
