/**
 * Serves one simulated cluster through the Kubernetes REST API on loopback,
 * so the real kubectl (or k9s, or a client library) can drive it:
 *
 *   npx tsx scripts/kube-api-server.ts --port 6443 --kubeconfig /tmp/kubelab.kubeconfig
 *   kubectl --kubeconfig /tmp/kubelab.kubeconfig get nodes
 *
 * Virtual time follows wall-clock time (advanced every 200 ms) unless
 * --manual-time is given. Exec/attach/port-forward are not served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCluster, type Cluster } from '../lab-engine/index';
import { loadDescriptions } from '../lab-engine/api/openapi';
import { createFacade, type FacadeOptions } from '../lab-engine/facade/handler';
import type { FacadeRequest } from '../lab-engine/facade/types';

export interface ServerHandle {
  port: number;
  url: string;
  cluster: Cluster;
  close(): Promise<void>;
}

export interface ServerOptions {
  cluster: Cluster;
  port?: number;
  host?: string;
  manualTime?: boolean;
  facade?: FacadeOptions;
  /** Sees every request before the facade (tests capture kubectl's protobuf bodies with it). */
  onRequest?: (req: FacadeRequest) => void;
}

export async function startKubeApiServer(opts: ServerOptions): Promise<ServerHandle> {
  const { cluster } = opts;
  const host = opts.host ?? '127.0.0.1';
  const facade = createFacade(cluster, { serverAddress: `${host}:${opts.port ?? 6443}`, ...opts.facade });
  const closers = new Set<() => void>();
  const server = createServer((req, res) => {
    readBody(req, MAX_BODY_BYTES)
      .then(({ body, tooLarge }) => {
        if (tooLarge) return respond(tooLargeResponse(), req, res, closers);
        const freq = toFacadeRequest(req, body);
        opts.onRequest?.(freq);
        respond(facade.handle(freq), req, res, closers);
      })
      .catch((e) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: String(e), reason: 'InternalError', code: 500 }));
      });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const port = (server.address() as { port: number }).port;
  let last = Date.now();
  const ticker = opts.manualTime
    ? undefined
    : setInterval(() => {
        const now = Date.now();
        cluster.advance(now - last);
        last = now;
      }, 200);
  return {
    port,
    url: `http://${host}:${port}`,
    cluster,
    close: () =>
      new Promise<void>((resolve) => {
        if (ticker) clearInterval(ticker);
        for (const c of closers) c();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toFacadeRequest(req: IncomingMessage, raw: Buffer): FacadeRequest {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const binary = (headers['content-type'] ?? '').includes('protobuf');
  const body = raw.length ? (binary ? undefined : raw.toString('utf8')) : undefined;
  return { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body, bodyBytes: binary ? new Uint8Array(raw) : undefined };
}

function respond(r: ReturnType<ReturnType<typeof createFacade>['handle']>, req: IncomingMessage, res: ServerResponse, closers: Set<() => void>): void {
  if (!r.watch) {
    res.writeHead(r.status, r.headers);
    res.end(r.body ?? '');
    return;
  }
  res.writeHead(r.status, r.headers);
  // Headers go out at once, as kube-apiserver does: client-go's reflector cannot cancel a
  // watch request still waiting for them, so `rollout status` would hang after success.
  res.flushHeaders();
  let stop: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    if (!closers.delete(close)) return;
    if (timer) clearTimeout(timer);
    stop();
    res.end();
  };
  closers.add(close);
  stop = r.watch((line) => {
    if (!res.writableEnded) res.write(line);
  });
  // ?timeoutSeconds=N ends the stream cleanly after N seconds (watch handler in apiserver endpoints)
  const timeout = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('timeoutSeconds'));
  if (timeout > 0) timer = setTimeout(close, Math.min(timeout, 3600) * 1000);
  res.on('close', close); // the client went away (kubectl's watch stopped)
}

/** kube-apiserver refuses request bodies over 3 MiB; we read at most that much into memory. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > limit }));
    req.on('error', reject);
  });
}

function tooLargeResponse() {
  const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Request entity too large: limit is 3145728', reason: 'RequestEntityTooLarge', code: 413 };
  return { status: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function kubeconfigFor(url: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${url}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    namespace: ${namespace}
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
preferences: {}
users:
- name: kubernetes-admin
  user:
    token: kubelab-simulated-cluster
`;
}

/** --lab FILE: the cluster a learner session of that lab starts from (its setup already applied). */
async function labCluster(file: string, startMs: number): Promise<Cluster> {
  const { loadLab, createSession } = await import('../lab-engine/index');
  const { labSessionOptions } = await import('../lab-engine/lab/lab-session');
  const loaded = loadLab(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  const session = await createSession({ ...labSessionOptions(loaded.lab), startMs } as Parameters<typeof createSession>[0]);
  return session.cluster;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '6443' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      topology: { type: 'string', default: 'default' },
      kubeconfig: { type: 'string' },
      lab: { type: 'string' },
      'manual-time': { type: 'boolean', default: false },
    },
  });
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    console.error(`warning: serving on ${values.host}: the simulated cluster has no authentication`);
  }
  // Boot in the past and catch up to now, so virtual time equals wall-clock time when kubectl
  // (which computes describe's ages from the wall clock) first connects.
  const now = Date.now();
  const cluster = values.lab ? await labCluster(values.lab, now - 15 * 60_000) : createCluster({ seed: Number(values.seed), topology: values.topology, startMs: now - 15 * 60_000 });
  cluster.settle();
  cluster.advance(Math.max(0, now - cluster.clock.nowMs()));
  await loadDescriptions(); // field descriptions for `kubectl explain` (OpenAPI v3)
  const h = await startKubeApiServer({ cluster, port: Number(values.port), host: values.host, manualTime: values['manual-time'] });
  if (values.kubeconfig) writeFileSync(values.kubeconfig, kubeconfigFor(h.url));
  console.log(`KubeLab API server on ${h.url} (${values.lab ? `lab ${values.lab}` : `topology ${values.topology}, seed ${values.seed}`})`);
  if (values.kubeconfig) console.log(`kubectl --kubeconfig ${values.kubeconfig} get nodes`);
}


if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) void main();
