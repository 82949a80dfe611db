/**
 * `kubectl events` (kubectl/pkg/cmd/events): client-side table sorted by last
 * seen, OBJECT as Kind/name, --for TYPE/NAME, --types, -A, -w, -o.
 */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString, flagStrings } from '../args';
import { printObjects } from '../output';
import { TabWriter } from '../printers/tabwriter';
import { ageSince } from '../util/duration';
import { goSortSlice } from '../output/go-sort';
import { timeMicros } from '../describe/common';
import { resolveTypes } from './get/requests';

export const events: CommandSpec = {
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  short: 'List events',
  flags: [],
  run: runEvents,
};

/** eventTime (events.go): series last observation, else lastTimestamp, else eventTime. */
/** events.go eventTime, in microseconds (MicroTime keeps them; Date.parse would drop them). */
function eventTimeUs(e: KubeObject): number {
  return timeMicros(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime);
}

export function eventInterval(e: KubeObject, nowMs: number): string {
  let first = ageSince(e.eventTime, nowMs);
  if (!e.eventTime) first = ageSince(e.firstTimestamp, nowMs);
  if (e.series) return `${ageSince(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${ageSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

function runEvents(ctx: CommandContext): number {
  const all = flagBool(ctx.flags, 'all-namespaces');
  let forKind = '', forName = '';
  const forArg = flagString(ctx.flags, 'for');
  if (forArg) {
    const parts = forArg.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('--for must be in resource/name form');
    forKind = resolveTypes(ctx, parts[0])[0].kind;
    forName = parts[1];
  }
  const types = flagStrings(ctx.flags, 'types').flatMap((t) => t.split(',')).filter(Boolean);
  for (const t of types) if (!['normal', 'warning'].includes(t.toLowerCase())) throw new KubectlError(`valid --types are Normal or Warning`);
  const def = ctx.host.cluster.registry.forResource('events')!;
  let items = ctx.api.list(def, { namespace: all ? undefined : ctx.namespace }).items;
  if (forKind) items = items.filter((e) => e.involvedObject?.kind === forKind && e.involvedObject?.name === forName);
  if (types.length > 0) items = items.filter((e) => types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()));
  // sort.Sort(SortableEvents(…)): Go's unstable sort, so ties (same second) land where pdqsort puts them
  items = goSortSlice(items, (a, b) => eventTimeUs(a) < eventTimeUs(b));
  const o = flagString(ctx.flags, 'output');
  if (o) {
    const text = printObjects(items, o, { asList: true, allowMissingKeys: true, readFile: (p) => ctx.host.readFile(p) });
    if (text === undefined) throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml,go-template,go-template-file`);
    ctx.io.out(text);
    return 0;
  }
  if (items.length === 0) {
    ctx.io.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const nowMs = ctx.host.cluster.clock.nowMs();
  const w = new TabWriter(6, 4, 3);
  if (!flagBool(ctx.flags, 'no-headers')) w.write(`${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
  for (const e of items) {
    w.write(`${all ? `${e.metadata.namespace}\t` : ''}${eventInterval(e, nowMs)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}\t${String(e.message ?? '').trim()}\n`);
  }
  ctx.io.out(w.flush());
  return 0;
}
