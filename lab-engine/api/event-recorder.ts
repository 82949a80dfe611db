import type { KubeObject } from './types';
import type { Store } from './store';
import type { Clock } from '../base/clock';
import { isApiError } from './errors';

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * client-go's EventRecorder with the EventCorrelator's aggregation: an event
 * with the same object, type, reason, message and source bumps `count` and
 * `lastTimestamp` instead of creating a new Event (client-go/tools/record).
 * Names are `<object name>.<hex of the creation time in ns>` like upstream.
 */
export class EventRecorder {
  private seen = new Map<string, { namespace: string; name: string }>();
  private lastNs = 0n;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Best effort, like client-go's recorder: an event the API refuses (its
   * namespace is terminating, a quota on events) is dropped, never an error
   * for the component that recorded it.
   */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    try {
      this.write(obj, type, reason, message, source);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  private write(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const namespace = obj.metadata.namespace || 'default';
    const key = [obj.kind, namespace, obj.metadata.name, obj.metadata.uid, obj.__fieldPath ?? '', type, reason, message, source.component, source.host ?? ''].join('\u0000');
    const now = this.clock.nowRfc3339();
    const known = this.seen.get(key);
    if (known) {
      const ev = this.store.peek('events', known.namespace, known.name);
      if (ev) {
        const next = { ...ev, metadata: { ...ev.metadata }, count: (ev.count ?? 1) + 1, lastTimestamp: now };
        delete next.metadata.resourceVersion;
        this.store.update(next);
        return;
      }
    }
    const name = `${obj.metadata.name}.${this.uniqueNanos().toString(16)}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        ...(obj.kind === 'Pod' && obj.__fieldPath ? { fieldPath: obj.__fieldPath } : {}),
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (!obj.metadata.namespace) delete event.involvedObject.namespace;
    this.store.create(event, { owned: true });
    this.seen.set(key, { namespace, name });
  }

  /** Like record, but for an event about one container (involvedObject.fieldPath). */
  recordForField(obj: KubeObject, fieldPath: string, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    this.record({ ...obj, __fieldPath: fieldPath }, type, reason, message, source);
  }

  private uniqueNanos(): bigint {
    const ns = BigInt(this.clock.nowMs()) * 1_000_000n;
    this.lastNs = ns > this.lastNs ? ns : this.lastNs + 1n;
    return this.lastNs;
  }
}
