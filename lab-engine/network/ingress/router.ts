import type { Store } from '../../api/store';
import type { Json, KubeObject } from '../../api/types';
import type { Rng } from '../../base/rng';
import type { InboundHttpRequest, InboundHttpResult } from '../service';
import type { NetworkIndex } from '../model/network-index';
import type { TraceBuilder } from '../model/connect';
import { matchRule, pickRule, type Candidate } from './match';
import { nginxErrorPage } from './pages';

export const INGRESS_NAMESPACE = 'ingress-nginx';
export const INGRESS_CLASS = 'nginx';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';
const REWRITE = 'nginx.ingress.kubernetes.io/rewrite-target';
const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex';
const SSL_REDIRECT = 'nginx.ingress.kubernetes.io/ssl-redirect';

/** The forwarding the router needs from the network (policy-checked pod → endpoint). */
export type Forward = (pod: KubeObject, ip: string, port: number, req: InboundHttpRequest, tb: TraceBuilder) => InboundHttpResult | { refused: true } | { dropped: true };

export function isIngressControllerPod(pod: KubeObject): boolean {
  const l = pod.metadata.labels ?? {};
  return pod.metadata.namespace === INGRESS_NAMESPACE && l['app.kubernetes.io/name'] === 'ingress-nginx' && l['app.kubernetes.io/component'] === 'controller';
}

/** Is this Ingress handled by the nginx class (ingressClassName, the legacy annotation, or the default class)? */
export function isNginxIngress(store: Store, ing: KubeObject): boolean {
  const cls = ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (cls !== undefined) return cls === INGRESS_CLASS;
  const ic = store.peek('ingressclasses.networking.k8s.io', '', INGRESS_CLASS);
  return ic?.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true';
}

/**
 * ingress-nginx's request path, modelled on the nginx.conf it generates
 * (internal/ingress/controller/template): one server per host (exact, then
 * wildcard, then the catch-all `_`), locations from every path of every
 * Ingress of the class; Exact before Prefix (matched per path element) and
 * ImplementationSpecific (nginx string prefix, or a case-insensitive regex
 * with use-regex / rewrite-target), longest first; rewrite-target with
 * capture groups; ssl-redirect (308) for TLS hosts; an Ingress's
 * defaultBackend for unmatched paths; otherwise the controller's 404.
 * Upstream selection goes straight to the Service's endpoints (round robin).
 */
export class IngressRouter {
  private rr = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly index: NetworkIndex,
    private readonly forward: Forward,
    private readonly rng: Rng,
  ) {}

  serve(controller: KubeObject, req: InboundHttpRequest, tls: boolean, tb: TraceBuilder): InboundHttpResult {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const ingresses = this.store.peekList('ingresses.networking.k8s.io').filter((i) => isNginxIngress(this.store, i) && !i.metadata.deletionTimestamp);
    const candidates = collect(ingresses, host);
    const [path, query] = splitQuery(req.path);
    if (!tls && candidates.tlsHost && candidates.sslRedirect) {
      tb.hop({ kind: 'ingress', detail: `ingress-nginx: ${host} has TLS: 308 redirect to https`, verdict: 'allowed' });
      const page = nginxErrorPage(308);
      return { ...page, headers: { ...page.headers, location: `https://${host}${req.path}` } };
    }
    if (tls) this.noteCertificate(ingresses, host, tb);
    const hit = pickRule(candidates.rules, path);
    if (hit) return this.toBackend(controller, hit.candidate.ingress, hit.candidate.backend, rewritePath(hit.candidate, path, hit.match, query), req, tls, tb, hit.candidate);
    const def = candidates.defaultBackend;
    if (def) return this.toBackend(controller, def.ingress, def.backend, req.path, req, tls, tb, undefined);
    tb.hop({ kind: 'ingress', detail: `ingress-nginx: no rule for host "${host}" path "${path}": default backend 404`, verdict: 'denied' });
    return nginxErrorPage(404);
  }

  private toBackend(controller: KubeObject, ing: KubeObject, backend: Json, path: string, req: InboundHttpRequest, tls: boolean, tb: TraceBuilder, c: Candidate | undefined): InboundHttpResult {
    const ns = ing.metadata.namespace ?? '';
    const svcName = backend?.service?.name;
    const ingRef = `${ns}/${ing.metadata.name}`;
    const svc = svcName ? this.index.service(ns, svcName) : undefined;
    const sp = svc ? findServicePort(svc, backend.service.port) : undefined;
    const rule = c ? ` (${c.pathType} ${c.path})` : ' (defaultBackend)';
    if (!svc || !sp) {
      tb.hop({ kind: 'ingress', detail: `Ingress ${ingRef}${rule} → Service ${ns}/${svcName} not found: 503`, service: { namespace: ns, name: svcName ?? '' }, verdict: 'denied' });
      return nginxErrorPage(503);
    }
    const eps = this.index.endpoints(ns, svcName).filter((e) => e.ready);
    const withPort = eps.map((e) => ({ e, port: e.ports.find((p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === 'TCP')?.port })).filter((x) => x.port !== undefined);
    if (withPort.length === 0) {
      tb.hop({ kind: 'ingress', detail: `Ingress ${ingRef}${rule} → Service ${ns}/${svcName}: no ready endpoints: 503`, service: { namespace: ns, name: svcName }, verdict: 'denied' });
      return nginxErrorPage(503);
    }
    const key = `${ns}/${svcName}/${sp.port}`;
    const n = this.rr.get(key) ?? 0;
    this.rr.set(key, n + 1);
    const pick = withPort[n % withPort.length];
    tb.hop({ kind: 'ingress', detail: `Ingress ${ingRef}${rule} → Service ${ns}/${svcName}:${sp.port} → ${pick.e.ip}:${pick.port}${path !== req.path ? ` (rewritten to ${path})` : ''}`, service: { namespace: ns, name: svcName }, ip: pick.e.ip, port: pick.port });
    const fwd = this.forward(controller, pick.e.ip, pick.port!, { ...req, path, headers: this.proxyHeaders(req, tls) }, tb);
    if ('refused' in fwd) return nginxErrorPage(502);
    if ('dropped' in fwd) return nginxErrorPage(504);
    if ('error' in fwd) return nginxErrorPage(fwd.error === 'timeout' ? 504 : 502);
    return fwd;
  }

  /**
   * The certificate nginx presents for an HTTPS host: the Secret named in the
   * Ingress's tls section, or — when it is missing or not kubernetes.io/tls —
   * the controller's self-signed default ("Kubernetes Ingress Controller Fake
   * Certificate"), which ingress-nginx only logs about.
   */
  private noteCertificate(ingresses: KubeObject[], host: string, tb: TraceBuilder): void {
    for (const ing of ingresses) {
      for (const t of ing.spec?.tls ?? []) {
        if (!(t.hosts ?? []).includes(host) || !t.secretName) continue;
        const secret = this.store.peek('secrets', ing.metadata.namespace ?? '', t.secretName);
        const ok = secret && secret.type === 'kubernetes.io/tls';
        tb.hop({
          kind: 'ingress',
          detail: ok ? `TLS for ${host}: certificate from Secret ${ing.metadata.namespace}/${t.secretName}` : `TLS for ${host}: Secret ${ing.metadata.namespace}/${t.secretName} ${secret ? 'is not of type kubernetes.io/tls' : 'not found'}; serving the default "Kubernetes Ingress Controller Fake Certificate"`,
          verdict: 'allowed',
        });
        return;
      }
    }
    tb.hop({ kind: 'ingress', detail: `TLS for ${host}: no tls section; serving the default "Kubernetes Ingress Controller Fake Certificate"`, verdict: 'allowed' });
  }

  /** proxy_set_header lines of ingress-nginx's location template. */
  private proxyHeaders(req: InboundHttpRequest, tls: boolean): Record<string, string> {
    const h = { ...req.headers };
    const scheme = tls ? 'https' : 'http';
    h['x-request-id'] = Array.from({ length: 32 }, () => this.rng.int(16).toString(16)).join('');
    h['x-real-ip'] = req.remoteIP;
    h['x-forwarded-for'] = req.remoteIP;
    h['x-forwarded-host'] = (req.headers.host ?? '').replace(/:\d+$/, '');
    h['x-forwarded-port'] = String(req.localPort);
    h['x-forwarded-proto'] = scheme;
    h['x-forwarded-scheme'] = scheme;
    h['x-scheme'] = scheme;
    return h;
  }
}

interface Collected {
  rules: Candidate[];
  defaultBackend?: { ingress: KubeObject; backend: Json };
  tlsHost: boolean;
  sslRedirect: boolean;
}

/** Every location of the server that answers `host`: exact host, else wildcard, else the catch-all. */
function collect(ingresses: KubeObject[], host: string): Collected {
  const byServer = (want: (h: string | undefined) => boolean) => {
    const rules: Candidate[] = [];
    for (const ing of ingresses) {
      for (const r of ing.spec?.rules ?? []) {
        if (!want(r.host)) continue;
        for (const p of r.http?.paths ?? []) rules.push(candidate(ing, p));
      }
    }
    return rules;
  };
  let rules = byServer((h) => h === host);
  let serverHost: string | undefined = host;
  if (rules.length === 0) {
    rules = byServer((h) => !!h && h.startsWith('*.') && wildcardMatches(h, host));
    if (rules.length === 0) {
      rules = byServer((h) => !h);
      serverHost = undefined;
    }
  }
  const owners = ingresses.filter((i) => (i.spec?.rules ?? []).some((r: Json) => (serverHost ? r.host === host || (r.host?.startsWith('*.') && wildcardMatches(r.host, host)) : !r.host)));
  const withDefault = owners.find((i) => i.spec?.defaultBackend) ?? ingresses.find((i) => i.spec?.defaultBackend && !(i.spec?.rules?.length));
  const tlsOwners = ingresses.filter((i) => (i.spec?.tls ?? []).some((t: Json) => (t.hosts ?? []).includes(host)));
  return {
    rules,
    defaultBackend: withDefault ? { ingress: withDefault, backend: withDefault.spec.defaultBackend } : undefined,
    tlsHost: tlsOwners.length > 0,
    sslRedirect: tlsOwners.some((i) => i.metadata.annotations?.[SSL_REDIRECT] !== 'false'),
  };
}

function wildcardMatches(pattern: string, host: string): boolean {
  const suffix = pattern.slice(1); // ".example.com"
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
}

function candidate(ing: KubeObject, p: Json): Candidate {
  const a = ing.metadata.annotations ?? {};
  return {
    ingress: ing,
    path: p.path ?? '/',
    pathType: p.pathType ?? 'ImplementationSpecific',
    regex: a[USE_REGEX] === 'true' || a[REWRITE] !== undefined,
    rewrite: a[REWRITE],
    backend: p.backend,
  };
}

function splitQuery(p: string): [string, string] {
  const i = p.indexOf('?');
  return i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i)];
}

/** nginx `rewrite <path-regex> <target> break;`: the whole URI becomes the target, $n from the match. */
function rewritePath(c: Candidate, path: string, match: RegExpExecArray | undefined, query: string): string {
  if (c.rewrite === undefined) return path + query;
  const m = match ?? matchRule(c, path);
  const target = c.rewrite.replace(/\$(\d)/g, (_s, d: string) => (m?.[Number(d)] ?? ''));
  return (target.startsWith('/') ? target : `/${target}`) + query;
}

function findServicePort(svc: KubeObject, port: Json): Json | undefined {
  if (!port) return undefined;
  return (svc.spec?.ports ?? []).find((p: Json) => (port.number !== undefined ? p.port === port.number : p.name === port.name));
}
