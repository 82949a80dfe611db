/**
 * Public surface of the printers: the server-side Table (for kubectl get and
 * for the REST facade's `as=Table` responses) and the client-side decoration.
 */
import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import type { Table } from './types';
import { toTable } from './server-table';

export { toTable, printerFor, crdFor } from './server-table';
export { tableText, cellText, escapeTerminal, type TablePrintOptions } from './table-printer';
export { TabWriter, tabwrite } from './tabwriter';
export type { Table, TableColumnDefinition, TableRow } from './types';
export type { MetricsService, PodMetrics, NodeMetrics, ContainerMetrics } from './metrics-port';
export { METRICS_SERVICE } from './metrics-port';

/**
 * A Table as kube-apiserver serializes it for `Accept: …;as=Table;g=meta.k8s.io;v=v1`:
 * rows carry `object` per the `includeObject` query (`PartialObjectMetadata` by
 * default, `Object`, or `None`), exactly as apiserver/pkg/endpoints/handlers/response.go does.
 */
export function tableForApi(
  def: Pick<KindDef, 'group' | 'kind' | 'version'>,
  objects: readonly KubeObject[],
  opts: { nowMs: number; crd?: KubeObject; resourceVersion?: string; includeObject?: 'PartialObjectMetadata' | 'Object' | 'None' },
): Table {
  const t = toTable(def, objects, { nowMs: opts.nowMs, crd: opts.crd, resourceVersion: opts.resourceVersion });
  const mode = opts.includeObject ?? 'PartialObjectMetadata';
  t.rows = t.rows.map((r) => {
    if (mode === 'Object') return r;
    if (mode === 'None') return { cells: r.cells } as Table['rows'][number];
    const { managedFields: _m, ...meta } = r.object.metadata;
    return { cells: r.cells, object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta } as unknown as KubeObject };
  });
  return t;
}
