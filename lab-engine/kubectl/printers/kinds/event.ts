/** printEvent (printers.go): priority-1 columns interleaved, NAME last with format "name". */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, col, NAME_DESCRIPTION } from '../types';
import { ageSince } from '../helpers';

/** LAST SEEN / FIRST SEEN / COUNT of a core/v1 Event, as printEvent computes them. */
export function eventTimes(e: KubeObject, nowMs: number): { first: string; last: string; count: number } {
  let first = ageSince(e.firstTimestamp, nowMs);
  if (!e.firstTimestamp) first = ageSince(e.eventTime, nowMs);
  let last = ageSince(e.lastTimestamp, nowMs);
  if (!e.lastTimestamp) last = first;
  let count: number = e.count ?? 0;
  if (e.series) {
    last = ageSince(e.series.lastObservedTime, nowMs);
    count = e.series.count ?? 0;
  } else if (count === 0) count = 1;
  return { first, last, count };
}

export function eventSource(e: KubeObject): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: KindPrinter = {
  columns: [
    col('Last Seen', 'string', 0, 'The time at which the most recent occurrence of this event was recorded.'),
    col('Type', 'string', 0, 'Type of this event (Normal, Warning), new types could be added in the future'),
    col('Reason', 'string', 0, 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    col('Object', 'string', 0, 'The object that this event is about.'),
    col('Subobject', 'string', 1, 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.'),
    col('Source', 'string', 1, 'The component reporting this event. Should be a short machine understandable string.'),
    col('Message', 'string', 0, 'A human-readable description of the status of this operation.'),
    col('First Seen', 'string', 1, 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
    col('Count', 'string', 1, 'The number of times this event has occurred.'),
    { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 1 },
  ],
  row(e, ctx) {
    const t = eventTimes(e, ctx.nowMs);
    const io = e.involvedObject ?? {};
    const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
    return [t.last, e.type ?? '', e.reason ?? '', target, io.fieldPath ?? '', eventSource(e), String(e.message ?? '').trim(), t.first, t.count, e.metadata.name];
  },
};
