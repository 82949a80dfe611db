import type { ClusterContext } from '../../sim/context';
import type { KindDef } from '../registry';
import type { KubeObject, UserInfo } from '../types';
import type { Store } from '../store';
import type { Rng } from '../../base/rng';
import type { Clock } from '../../base/clock';

/** Where kubeadm-style clusters configured for auditing write the log (`--audit-log-path`). */
export const AUDIT_LOG_PATH = '/var/log/kubernetes/audit/audit.log';
const MAX_EVENTS = 1000;

/** An audit.k8s.io/v1 Event at level Metadata, as the apiserver's log backend writes it (one JSON per line). */
export interface AuditEvent {
  kind: 'Event';
  apiVersion: 'audit.k8s.io/v1';
  level: 'Metadata';
  auditID: string;
  stage: 'ResponseComplete';
  requestURI: string;
  verb: 'create' | 'update';
  user: { username: string; groups: string[] };
  objectRef: { resource: string; namespace?: string; name: string; apiGroup?: string; apiVersion: string };
  responseStatus: { metadata: Record<string, never>; status?: 'Failure'; message?: string; reason?: string; code: number };
  requestReceivedTimestamp: string;
  stageTimestamp: string;
  annotations: Record<string, string>;
}

interface Pending {
  key: string;
  event: AuditEvent;
}

const logs = new WeakMap<Store, AuditLog>();

/**
 * The API server's audit log (apiserver/pkg/audit, log backend), for the
 * requests admission annotated: PodSecurity's `enforce-policy` and
 * `audit-violations` (k8s.io/pod-security-admission/admission EvaluatePod).
 * Off until a lab enables it (`enable()`), as on a kubeadm cluster without
 * `--audit-policy-file`; bounded to the latest 1000 events.
 *
 * An admitted request's event is completed when its write commits (201 for
 * a create, 200 for an update); one refused by PodSecurity is logged with its
 * 403 Status; one refused by a later admission plugin (ResourceQuota) with 403.
 */
export class AuditLog {
  private enabledFlag = false;
  private readonly done: AuditEvent[] = [];
  private readonly pending: Pending[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  enable(): void {
    this.enabledFlag = true;
  }

  disable(): void {
    this.enabledFlag = false;
  }

  get enabled(): boolean {
    return this.enabledFlag;
  }

  /** Admission attached annotations to a request in flight: it is logged when it completes. */
  annotate(op: 'CREATE' | 'UPDATE', def: KindDef, obj: KubeObject, user: UserInfo, annotations: Record<string, string>): void {
    if (!this.enabledFlag) return;
    this.flushRefused();
    const event = this.newEvent(op, def, obj, user, annotations);
    this.pending.push({ key: keyOf(def.resource, obj.metadata.namespace, obj.metadata.name), event });
  }

  /** A request admission refused (the Status it returned). */
  refused(op: 'CREATE' | 'UPDATE', def: KindDef, obj: KubeObject, user: UserInfo, annotations: Record<string, string>, status: { message: string; reason: string; code: number }): void {
    if (!this.enabledFlag) return;
    this.flushRefused();
    const event = this.newEvent(op, def, obj, user, annotations);
    event.responseStatus = { metadata: {}, status: 'Failure', message: status.message, reason: status.reason, code: status.code };
    this.push(event);
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** A committed write: completes the pending event for that object. */
  committed(resource: string, obj: KubeObject): void {
    const key = keyOf(resource, obj.metadata.namespace, obj.metadata.name);
    const i = this.pending.findIndex((p) => p.key === key);
    if (i < 0) return;
    const [{ event }] = this.pending.splice(i, 1);
    event.responseStatus = { metadata: {}, code: event.verb === 'create' ? 201 : 200 };
    event.stageTimestamp = micro(this.clock.nowMs());
    this.push(event);
  }

  /** The events, oldest first. */
  events(): AuditEvent[] {
    this.flushRefused();
    return this.done.map((e) => structuredClone(e));
  }

  /** The log file's content: one JSON event per line. */
  text(): string {
    return this.events().map((e) => `${JSON.stringify(e)}\n`).join('');
  }

  /** Requests still pending when the next one starts were refused after PodSecurity (ResourceQuota: 403). */
  private flushRefused(): void {
    for (const p of this.pending.splice(0)) {
      p.event.responseStatus = { metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403 };
      this.push(p.event);
    }
  }

  private push(e: AuditEvent): void {
    this.done.push(e);
    if (this.done.length > MAX_EVENTS) this.done.shift();
  }

  private newEvent(op: 'CREATE' | 'UPDATE', def: KindDef, obj: KubeObject, user: UserInfo, annotations: Record<string, string>): AuditEvent {
    const ns = obj.metadata.namespace;
    const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
    const collection = `${base}${ns ? `/namespaces/${ns}` : ''}/${def.resource}`;
    const now = micro(this.clock.nowMs());
    return {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID: this.rng.uuid(),
      stage: 'ResponseComplete',
      requestURI: op === 'CREATE' ? collection : `${collection}/${obj.metadata.name}`,
      verb: op === 'CREATE' ? 'create' : 'update',
      user: { username: user.username, groups: [...(user.groups ?? [])] },
      objectRef: { resource: def.resource, ...(ns ? { namespace: ns } : {}), name: obj.metadata.name ?? '', ...(def.group ? { apiGroup: def.group } : {}), apiVersion: def.version },
      responseStatus: { metadata: {}, code: 0 },
      requestReceivedTimestamp: now,
      stageTimestamp: now,
      annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

function keyOf(resource: string, ns: string | undefined, name: string | undefined): string {
  return `${resource}/${ns ?? ''}/${name ?? ''}`;
}

/** The audit log's timestamps: RFC 3339 with microseconds (metav1.MicroTime). */
function micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Installs the audit log (disabled) for a cluster's API server; `auditLogOf(store)` finds it. */
export function installAuditLog(ctx: ClusterContext): AuditLog {
  const log = new AuditLog(ctx.clock, ctx.rng.derive('apiserver/audit'));
  logs.set(ctx.store, log);
  ctx.services.set(AUDIT_SERVICE, log);
  ctx.store.watch((ev) => {
    if ((ev.type === 'ADDED' || ev.type === 'MODIFIED') && log.hasPending()) log.committed(resourceOf(ev.object, ctx), ev.object);
  });
  return log;
}

function resourceOf(obj: KubeObject, ctx: ClusterContext): string {
  return ctx.registry.forKind(obj.apiVersion, obj.kind)?.resource ?? '';
}

export function auditLogOf(store: Store): AuditLog | undefined {
  return logs.get(store);
}

export const AUDIT_SERVICE = 'audit';

/** Typed lookup: `getAuditLog(cluster.services).enable()`. */
export function getAuditLog(services: Map<string, unknown>): AuditLog {
  const a = services.get(AUDIT_SERVICE) as AuditLog | undefined;
  if (!a) throw new Error('audit log not installed');
  return a;
}
