import type { KubeObject } from '../api/types';
import type { Runtime } from '../sim/runtime';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeOutcome {
  ok: boolean;
  /** The prober's output/failure text (`HTTP probe failed with statuscode: 404`). */
  output: string;
}

/** What a probe needs from its pod (pkg/kubelet/prober/prober.go runProbe). */
export interface ProbeTarget {
  podIP: string;
  exec(argv: string[], timeoutMs: number): { output: string; exitCode: number; timedOut: boolean };
  http(port: number, path: string, headers: Record<string, string>, timeoutMs: number): { status: number } | { error: 'connection refused' | 'timeout' | 'connection reset' | 'empty reply' };
  tcp(port: number): boolean;
  /** Resolves a named container port. */
  port(p: number | string): number | undefined;
}

/** Runs one probe once and words the result like the kubelet's probers. */
export function runProbe(probe: KubeObject, t: ProbeTarget): ProbeOutcome {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const r = t.exec(probe.exec.command ?? [], timeoutMs);
    if (r.timedOut) return { ok: false, output: `command ${JSON.stringify((probe.exec.command ?? []).join(' '))} timed out` };
    return { ok: r.exitCode === 0, output: r.output };
  }
  if (probe.httpGet) {
    const port = t.port(probe.httpGet.port);
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    const url = `${scheme}://${probe.httpGet.host ?? t.podIP}:${port ?? probe.httpGet.port}${path.startsWith('/') ? path : `/${path}`}`;
    if (port === undefined) return { ok: false, output: `unknown port: ${probe.httpGet.port}` };
    const headers: Record<string, string> = { 'user-agent': 'kube-probe/1.32', accept: '*/*' };
    for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const r = t.http(port, path, headers, timeoutMs);
    if ('error' in r) {
      if (r.error === 'connection refused') return { ok: false, output: `Get "${url}": dial tcp ${t.podIP}:${port}: connect: connection refused` };
      if (r.error === 'timeout') return { ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
      return { ok: false, output: `Get "${url}": EOF` };
    }
    // probe/http/http.go: 200 ≤ code < 400 is success.
    if (r.status >= 200 && r.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${r.status}` };
  }
  if (probe.tcpSocket || probe.grpc) {
    const raw = probe.tcpSocket?.port ?? probe.grpc?.port;
    const port = t.port(raw);
    if (port !== undefined && t.tcp(port)) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${t.podIP}:${port ?? raw}: connect: connection refused` };
  }
  return { ok: true, output: '' };
}

export interface ProbeCallbacks {
  target(): ProbeTarget | undefined;
  /** A failed probe (every failure emits Unhealthy). */
  failed(kind: ProbeKind, output: string): void;
  /** The result crossed its threshold. */
  changed(kind: ProbeKind, ok: boolean): void;
}

/**
 * The probe workers of one container instance (prober/worker.go): each probe
 * ticks every periodSeconds from the container's start + initialDelaySeconds,
 * and flips after successThreshold / failureThreshold consecutive results.
 * The first tick is a foreground timer (so settle() sees a pod become Ready),
 * later ticks are background.
 */
export class ProbeRunner {
  private cancels: (() => void)[] = [];
  private state = new Map<ProbeKind, { result: boolean | undefined; successes: number; failures: number }>();
  stopped = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly container: KubeObject,
    private readonly cb: ProbeCallbacks,
    private readonly label: string,
  ) {}

  start(): void {
    const startup = this.container.startupProbe;
    if (startup) this.schedule('startup', startup, true);
    else this.startMainProbes();
  }

  private startMainProbes(): void {
    if (this.container.livenessProbe) this.schedule('liveness', this.container.livenessProbe, true);
    if (this.container.readinessProbe) this.schedule('readiness', this.container.readinessProbe, true);
  }

  private schedule(kind: ProbeKind, probe: KubeObject, first: boolean): void {
    if (this.stopped) return;
    const delayMs = first ? Math.max(100, (probe.initialDelaySeconds ?? 0) * 1000) : (probe.periodSeconds ?? 10) * 1000;
    this.cancels.push(this.runtime.after(delayMs, () => this.tick(kind, probe), { background: !first, label: `${this.label}:${kind}` }));
  }

  private tick(kind: ProbeKind, probe: KubeObject): void {
    if (this.stopped) return;
    const target = this.cb.target();
    if (!target) return;
    const out = runProbe(probe, target);
    const st = this.state.get(kind) ?? { result: undefined, successes: 0, failures: 0 };
    this.state.set(kind, st);
    if (out.ok) {
      st.successes++;
      st.failures = 0;
    } else {
      st.failures++;
      st.successes = 0;
      this.cb.failed(kind, out.output);
    }
    const successThreshold = probe.successThreshold ?? 1;
    const failureThreshold = probe.failureThreshold ?? 3;
    if (out.ok && st.successes >= successThreshold && st.result !== true) {
      st.result = true;
      if (kind === 'startup') {
        this.cb.changed(kind, true);
        this.startMainProbes();
        return;
      }
      this.cb.changed(kind, true);
    } else if (!out.ok && st.failures >= failureThreshold && st.result !== false) {
      st.result = false;
      this.cb.changed(kind, false);
      if (kind !== 'readiness') return; // liveness/startup failure restarts the container: this runner stops
    } else if (!out.ok && kind !== 'readiness' && st.failures >= failureThreshold) return;
    if (kind === 'liveness' && st.result === false) return;
    this.schedule(kind, probe, false);
  }

  stop(): void {
    this.stopped = true;
    for (const c of this.cancels) c();
    this.cancels = [];
  }
}
