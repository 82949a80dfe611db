/**
 * metav1.Table as the API server returns it for `Accept: …;as=Table` (the REST
 * facade serves these objects as they are; kubectl's table printer consumes them).
 */
import type { KubeObject } from '../../api/types';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  /** The object itself (includeObject=Object), kept for sorting and decoration. */
  object: KubeObject;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** Everything a per-kind printer needs. `nowMs` is the cluster's virtual now. */
export interface PrintContext {
  nowMs: number;
}

/** A printer from pkg/printers/internalversion/printers.go (always run with Wide: true). */
export interface KindPrinter {
  columns: TableColumnDefinition[];
  row(obj: KubeObject, ctx: PrintContext): unknown[];
}

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** Column definition shorthand: col('Ready'), col('Desired', 'integer'), col('IP', 'string', 1). */
export function col(name: string, type = 'string', priority = 0, description = ''): TableColumnDefinition {
  if (name === 'Name') return { name, type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 };
  if (name === 'Age' && !description) return { name, type: 'string', format: '', description: AGE_DESCRIPTION, priority };
  return { name, type, format: '', description, priority };
}
