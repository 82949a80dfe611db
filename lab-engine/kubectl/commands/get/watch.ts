/**
 * `kubectl get -w / --watch-only` (get.go watch): print the current table,
 * then one row per watch event with the tabwriter's remembered widths, until
 * Ctrl-C. Events come from the store's watch; time passes via host.sleep.
 */
import type { KubeObject, WatchEvent } from '../../../api/types';
import { resourceKey } from '../../../api/store';
import type { CommandContext } from '../../types';
import { Interrupted, KubectlError } from '../../types';
import { flagBool, flagString, flagStrings } from '../../args';
import { TabWriter } from '../../printers/tabwriter';
import { tableText, type TablePrintOptions } from '../../printers/table-printer';
import { crdFor, toTable } from '../../printers/server-table';
import { printObjects } from '../../output';
import { matches, parseSelector } from '../../../api/selectors/label-selector';
import type { GetRequest } from './requests';
import { fetchGroups, stripManagedFields } from './fetch';

const POLL_MS = 1000;
/** A watch stops after this much virtual time even without Ctrl-C (a bound, like --request-timeout). */
const MAX_POLLS = 24 * 3600;

/** Exit status of a command stopped by Ctrl-C (SIGINT). */
export const INTERRUPTED_EXIT = 130;

export async function runWatch(ctx: CommandContext, requests: GetRequest[], format: string): Promise<number> {
  if (requests.length !== 1) throw new KubectlError('you may only specify a single resource type');
  const req = requests[0];
  const events: WatchEvent[] = [];
  const selector = flagString(ctx.flags, 'selector');
  const sel = selector ? parseSelector(selector) : null;
  const stop = ctx.host.cluster.store.watch(
    (e) => {
      const o = e.object;
      if (req.names.length > 0 && !req.names.includes(o.metadata.name ?? '')) return;
      if (sel && !matches(sel, o.metadata.labels)) return;
      events.push(e);
    },
    { resource: resourceKey(req.def), namespace: req.def.namespaced ? req.namespace : undefined },
  );
  const printer = new WatchPrinter(ctx, req, format);
  try {
    if (!flagBool(ctx.flags, 'watch-only')) {
      const { groups, errors } = fetchGroups(ctx, [req]);
      if (errors.length > 0) throw errors[0];
      printer.print(groups.flatMap((g) => g.objects), flagBool(ctx.flags, 'output-watch-events') ? 'ADDED' : undefined);
    }
    for (let i = 0; i < MAX_POLLS && !ctx.host.interrupted(); i++) {
      await ctx.host.sleep(POLL_MS);
      const batch = events.splice(0, events.length);
      for (const e of batch) printer.print([e.object], flagBool(ctx.flags, 'output-watch-events') ? e.type : undefined);
    }
  } catch (e) {
    if (e instanceof Interrupted) return INTERRUPTED_EXIT;
    throw e;
  } finally {
    stop();
  }
  return ctx.host.interrupted() ? INTERRUPTED_EXIT : 0;
}

class WatchPrinter {
  private tw = new TabWriter(6, 4, 3);
  private printedHeaders = false;
  /** cli-runtime YAMLPrinter separates the documents it prints with "---". */
  private yamlCount = 0;
  private opts: TablePrintOptions;

  constructor(private ctx: CommandContext, private req: GetRequest, private format: string) {
    this.tw.rememberedWidths = [];
    this.opts = {
      wide: format === 'wide',
      noHeaders: flagBool(ctx.flags, 'no-headers'),
      withNamespace: flagBool(ctx.flags, 'all-namespaces') && req.def.namespaced,
      showLabels: flagBool(ctx.flags, 'show-labels'),
      labelColumns: flagStrings(ctx.flags, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean),
    };
  }

  print(objs: KubeObject[], eventType: string | undefined): void {
    if (objs.length === 0) return;
    if (this.format !== '' && this.format !== 'wide') {
      for (const o of objs) {
        const shown = stripManagedFields(o);
        const obj = eventType ? ({ type: eventType, object: shown } as unknown as KubeObject) : shown;
        if (this.format === 'yaml' && this.yamlCount++ > 0) this.ctx.io.out('---\n');
        this.ctx.io.out(printObjects([obj], this.format, { allowMissingKeys: true, readFile: (p) => this.ctx.host.readFile(p) }) ?? '');
      }
      return;
    }
    const store = this.ctx.host.cluster.store;
    const table = toTable(this.req.def, objs, { nowMs: this.ctx.host.cluster.clock.nowMs(), crd: crdFor(this.req.def, (k, ns, n) => store.peek(k, ns, n)) });
    const text = tableText(table, { ...this.opts, noHeaders: this.opts.noHeaders || this.printedHeaders, watchEvents: eventType ? objs.map(() => eventType) : undefined });
    this.printedHeaders = true;
    this.tw.write(text);
    this.ctx.io.out(this.tw.flush());
  }
}
