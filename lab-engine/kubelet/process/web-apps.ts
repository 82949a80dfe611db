import type { Shell } from './interpreter';
import type { HttpRequestIn, Io, Program } from './types';
import { nginxTime } from './date';

/**
 * Small web servers of public tutorials and exercises.
 *
 * echoserver 1.4 (registry.k8s.io/echoserver, the Kubernetes docs'
 * source-IP tutorial): nginx 1.10 + lua (kubernetes/contrib
 * ingress/echoheaders, FROM nginx-slim:0.8) listening on 8080; its
 * content_by_lua block prints CLIENT VALUES (client_address = the peer,
 * request_uri = scheme://$host:$server_port$request_uri), SERVER VALUES,
 * HEADERS RECEIVED sorted by name, and BODY (`-no body in request-` when empty).
 */
export function echoserverBody(req: HttpRequestIn, port = 8080): string {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const [path, query] = req.path.split('?');
  const headers = Object.keys(req.headers)
    .map((k) => k.toLowerCase())
    .sort()
    .map((k) => `${k}=${req.headers[k] ?? req.headers[Object.keys(req.headers).find((h) => h.toLowerCase() === k)!]}`);
  return [
    'CLIENT VALUES:',
    `client_address=${req.remoteIP}`,
    `command=${req.method}`,
    `real path=${path}`,
    `query=${query ?? 'nil'}`,
    'request_version=1.1',
    `request_uri=http://${host}:${port}${req.path}`,
    '',
    'SERVER VALUES:',
    'server_version=nginx: 1.10.0 - lua: 10001',
    '',
    'HEADERS RECEIVED:',
    ...headers,
    'BODY:',
    req.body ? req.body : '-no body in request-',
  ].join('\n');
}

/** The echoserver image's nginx: no start-up output, an access log line per request on stdout. */
export function* echoserverNginx(argv: string[], io: Io, sh: Shell): Program {
  if (argv.includes('-v') || argv.includes('-V')) {
    io.err('nginx version: nginx/1.10.0\n');
    return 0;
  }
  sh.host.listen(8080, (req) => {
    const body = echoserverBody(req);
    io.out(`${req.remoteIP} - - [${nginxTime(sh.host.nowMs())}] "${req.method} ${req.path} HTTP/1.1" 200 ${body.length} "-" "${req.headers['user-agent'] ?? '-'}"\n`);
    return { status: 200, statusText: 'OK', headers: { server: 'nginx/1.10.0', 'content-type': 'text/plain' }, body };
  });
  yield { kind: 'block' };
  return 0;
}

/**
 * dgkanatsios/simpleapp (the CKAD exercises' service example): a Node.js
 * server on 8080 that answers every request with the pod's hostname.
 */
export function* simpleapp(_argv: string[], io: Io, sh: Shell): Program {
  io.out('Listening on port 8080\n');
  sh.host.listen(8080, () => ({ status: 200, statusText: 'OK', headers: { 'content-type': 'text/plain' }, body: `${sh.host.hostname}\n` }));
  yield { kind: 'block' };
  return 0;
}
