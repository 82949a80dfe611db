import { defineCommand, type Command } from 'just-bash';
import type { Shell } from '../shell';
import { stopLine } from '../shell';
import { KUBELET_SERVICE, NETWORK_SERVICE, type HttpResult, type NetworkService, type PodResponder, type TrafficSource } from '../../network/service';
import type { SessionEnvironment } from '../../session/environment';
import { formatDate } from './date';

/**
 * `curl` and `wget` on a node: one HTTP exchange through the cluster network
 * service (`lab-engine/network/service.ts`), from the node's host network.
 * `localhost:PORT` reaches an active `kubectl port-forward`. Supported curl
 * options: -s -S -v(headers only) -I -i -o -O -w '%{http_code}' -m
 * --connect-timeout -H -X -d -L -k -f; wget: -q -O -T --spider -S.
 */
export interface NetworkCommandOptions {
  node: string;
}

interface Fetched {
  result: HttpResult;
}

function fetchVia(env: SessionEnvironment, from: TrafficSource, url: string, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Fetched {
  const u = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  const host = u?.[2] ?? '';
  const port = Number(u?.[3] ?? (u?.[1] === 'https' ? 443 : 80));
  const path = u?.[4] ?? '/';
  const forward = (host === 'localhost' || host === '127.0.0.1') && env.portForwards.get(port);
  if (forward) return { result: viaPortForward(env, forward, method, path, headers, body, port) };
  if (host === 'localhost' || host === '127.0.0.1') {
    return { result: { ok: false, error: 'connection refused', host, ip: '127.0.0.1', port, elapsedMs: 0, trace: { path: [] } } };
  }
  const net = env.cluster.services.get(NETWORK_SERVICE) as NetworkService | undefined;
  if (!net) return { result: { ok: false, error: 'no such host', host, port, elapsedMs: 0, trace: { path: [] } } };
  const full = /^https?:\/\//.test(url) ? url : `http://${url}`;
  return { result: net.request({ from, url: full, method, headers, body, timeoutMs }) };
}

function viaPortForward(
  env: SessionEnvironment,
  fwd: { namespace: string; pod: string; remotePort: number },
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  localPort: number,
): HttpResult {
  const kubelet = env.cluster.services.get(KUBELET_SERVICE) as PodResponder | undefined;
  const pod = env.cluster.store.peek('pods', fwd.namespace, fwd.pod) as Parameters<PodResponder['isListening']>[0] | undefined;
  const failure: HttpResult = { ok: false, error: 'connection reset', host: 'localhost', ip: '127.0.0.1', port: localPort, elapsedMs: 0, trace: { path: [] } };
  if (!kubelet || !pod || !kubelet.isListening(pod, fwd.remotePort, 'TCP')) return failure;
  const podIP = String((pod as { status?: { podIP?: string } }).status?.podIP ?? '');
  const r = kubelet.serveHttp(pod, fwd.remotePort, {
    method,
    path,
    headers: { host: `localhost:${localPort}`, 'user-agent': 'curl/7.81.0', accept: '*/*', ...headers },
    body: body ?? '',
    remoteIP: '127.0.0.1',
    localIP: podIP,
    localPort: fwd.remotePort,
  });
  if ('error' in r) return failure;
  return { ok: true, status: r.status, statusText: r.statusText ?? '', headers: r.headers ?? {}, body: r.body, ip: '127.0.0.1', port: localPort, elapsedMs: 0, trace: { path: [] } };
}

function curlError(r: Exclude<HttpResult, { ok: true }>, timeoutMs: number): { text: string; code: number } {
  switch (r.error) {
    case 'no such host':
      return { text: `curl: (6) Could not resolve host: ${r.host}\n`, code: 6 };
    case 'connection refused':
      return { text: `curl: (7) Failed to connect to ${r.host} port ${r.port} after 0 ms: Connection refused\n`, code: 7 };
    case 'timeout':
      return { text: `curl: (28) Failed to connect to ${r.host} port ${r.port} after ${timeoutMs} ms: Connection timed out\n`, code: 28 };
    case 'no route to host':
      return { text: `curl: (7) Failed to connect to ${r.host} port ${r.port} after 0 ms: No route to host\n`, code: 7 };
    default:
      return { text: 'curl: (52) Empty reply from server\n', code: 52 };
  }
}

function statusLine(r: Extract<HttpResult, { ok: true }>): string {
  const head = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return `HTTP/1.1 ${r.status} ${r.statusText}\r\n${head}\r\n`;
}

/** Runs the exchange, letting the virtual time it took pass (timeouts take their full length). */
async function exchange(shell: Shell, env: SessionEnvironment, from: TrafficSource, url: string, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<HttpResult | undefined> {
  const { result } = fetchVia(env, from, url, method, headers, body, timeoutMs);
  const run = shell.current();
  if (result.elapsedMs > 0) await run.sleep(result.elapsedMs);
  return run.interrupted() ? undefined : result;
}

function curlCommand(shell: Shell, env: SessionEnvironment, from: TrafficSource): Command {
  return defineCommand('curl', async (args, ctx) => {
    if (shell.current().interrupted()) stopLine(ctx);
    let url = '';
    let method = 'GET';
    let silent = false;
    let showErrors = false;
    let head = false;
    let include = false;
    let fail = false;
    let output: string | undefined;
    let writeOut = '';
    let timeoutMs = 0;
    let body: string | undefined;
    const headers: Record<string, string> = {};
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (!a.startsWith('-') || a === '-') { url = a; continue; }
      const flags = a.startsWith('--') ? [a] : a.slice(1).split('').map((c) => `-${c}`);
      for (const f of flags) {
        if (f === '-s' || f === '--silent') silent = true;
        else if (f === '-S' || f === '--show-error') showErrors = true;
        else if (f === '-I' || f === '--head') { head = true; method = 'HEAD'; }
        else if (f === '-i' || f === '--include') include = true;
        else if (f === '-f' || f === '--fail') fail = true;
        else if (f === '-o' || f === '--output') output = args[++i];
        else if (f === '-w' || f === '--write-out') writeOut = args[++i] ?? '';
        else if (f === '-m' || f === '--max-time' || f === '--connect-timeout') timeoutMs = Number(args[++i]) * 1000;
        else if (f === '-X' || f === '--request') method = args[++i] ?? 'GET';
        else if (f === '-H' || f === '--header') { const [k, ...v] = (args[++i] ?? '').split(':'); headers[k.trim().toLowerCase()] = v.join(':').trim(); }
        else if (f === '-d' || f === '--data' || f === '--data-raw') { body = args[++i] ?? ''; if (method === 'GET') method = 'POST'; }
        else if (['-L', '-k', '-v', '--location', '--insecure', '--verbose', '-4', '-6', '--compressed'].includes(f)) continue;
        else return { stdout: '', stderr: `curl: option ${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
      }
    }
    if (!url) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    const effectiveTimeout = timeoutMs > 0 ? timeoutMs : 130_000; // Linux's default TCP connect timeout
    const r = await exchange(shell, env, from, url, method, headers, body, effectiveTimeout);
    if (!r) return { stdout: '', stderr: '', exitCode: 130 };
    if (!r.ok) {
      const e = curlError(r, effectiveTimeout);
      return { stdout: writeOut.replace(/%\{http_code\}/g, '000'), stderr: silent && !showErrors ? '' : e.text, exitCode: e.code };
    }
    if (fail && r.status >= 400) {
      return { stdout: '', stderr: silent && !showErrors ? '' : `curl: (22) The requested URL returned error: ${r.status}\n`, exitCode: 22 };
    }
    let out = head ? statusLine(r) : (include ? statusLine(r) : '') + r.body;
    if (output) {
      await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, output), out);
      out = '';
    }
    out += writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/\\n/g, '\n');
    return { stdout: out, stderr: '', exitCode: 0 };
  });
}

function wgetCommand(shell: Shell, env: SessionEnvironment, from: TrafficSource): Command {
  return defineCommand('wget', async (args, ctx) => {
    if (shell.current().interrupted()) stopLine(ctx);
    let url = '';
    let quiet = false;
    let output: string | undefined;
    let spider = false;
    let timeoutMs = 900_000; // GNU wget's read timeout
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-qO-' || a === '-qO' || a === '-O') { if (a.startsWith('-q')) quiet = true; output = a.endsWith('-') ? '-' : args[++i]; }
      else if (a.startsWith('-O')) output = a.slice(2);
      else if (a.startsWith('--output-document=')) output = a.slice(18);
      else if (a === '--spider') spider = true;
      else if (a === '-T' || a === '--timeout') timeoutMs = Number(args[++i]) * 1000;
      else if (a.startsWith('--timeout=')) timeoutMs = Number(a.slice(10)) * 1000;
      else if (a === '-S' || a === '--server-response' || a === '--no-check-certificate') continue;
      else if (a.startsWith('-')) return { stdout: '', stderr: `wget: unrecognized option '${a}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`, exitCode: 2 };
      else url = a;
    }
    if (!url) return { stdout: '', stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exitCode: 1 };
    const r = await exchange(shell, env, from, url, spider ? 'HEAD' : 'GET', {}, undefined, timeoutMs);
    if (!r) return { stdout: '', stderr: '', exitCode: 130 };
    const full = /^https?:\/\//.test(url) ? url : `http://${url}`;
    const log = quiet ? '' : `--${formatDate('%Y-%m-%d %H:%M:%S', shell.current().nowMs())}--  ${full}\n`;
    if (!r.ok) {
      const why = r.error === 'no such host' ? `wget: unable to resolve host address ‘${r.host}’\n` : r.error === 'timeout' ? `failed: Connection timed out.\n` : `failed: Connection refused.\n`;
      return { stdout: '', stderr: quiet ? '' : log + why, exitCode: 4 };
    }
    if (r.status >= 400) return { stdout: '', stderr: quiet ? '' : `${log}ERROR ${r.status}: ${r.statusText}.\n`, exitCode: 8 };
    if (spider) return { stdout: '', stderr: quiet ? '' : `${log}Remote file exists.\n`, exitCode: 0 };
    if (output === '-') return { stdout: r.body, stderr: '', exitCode: 0 };
    const name = output ?? (full.replace(/^https?:\/\/[^/]*\/?/, '').split('/').pop() || 'index.html');
    await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, name), r.body);
    return { stdout: '', stderr: quiet ? '' : `${log}Saving to: ‘${name}’\n\n‘${name}’ saved\n`, exitCode: 0 };
  });
}

export function networkCommands(shell: Shell, env: SessionEnvironment, opts: NetworkCommandOptions): Command[] {
  const from: TrafficSource = { node: opts.node };
  return [curlCommand(shell, env, from), wgetCommand(shell, env, from)];
}
