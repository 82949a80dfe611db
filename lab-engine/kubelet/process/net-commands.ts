import type { CommandFn, Shell } from './interpreter';
import type { Io, Program } from './types';
import { formatNslookupBusyboxLegacy } from '../../network/format';

/**
 * wget / curl / nc / nslookup / ping inside a container: traffic goes through
 * the network service (routing, Services, NetworkPolicy); output and errors
 * follow busybox 1.36 wget/nc/nslookup/ping and curl 8.x.
 */
function parseUrl(url: string): { host: string; port: number; path: string } {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return { host: url, port: 80, path: '/' };
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

function* wget(argv: string[], io: Io, sh: Shell): Program {
  let quiet = false;
  let outFile: string | undefined;
  let timeoutMs = 10_000;
  let url = '';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-q') quiet = true;
    else if (a === '-qO-' || a === '-qO' || a === '-q-O-') {
      quiet = true;
      outFile = a === '-qO' ? argv[++i] : '-';
    } else if (a === '-O') outFile = argv[++i];
    else if (a.startsWith('-O')) outFile = a.slice(2);
    else if (a === '-T' || a === '--timeout') timeoutMs = Number(argv[++i]) * 1000;
    else if (a.startsWith('--timeout=')) timeoutMs = Number(a.slice(10)) * 1000;
    else if (a === '--spider' || a === '-S') continue;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const net = sh.host.network;
  const { host, port } = parseUrl(url);
  if (!net) {
    io.err(`wget: bad address '${host}'\n`);
    return 1;
  }
  const r = net.request({ from: sh.host.source, method: 'GET', url: url.includes('://') ? url : `http://${url}`, headers: { 'user-agent': 'Wget' }, timeoutMs });
  if (r.elapsedMs > 0) yield { kind: 'sleep', ms: r.elapsedMs };
  if (!r.ok) {
    if (r.error === 'no such host') io.err(`wget: bad address '${host}'\n`);
    else if (r.error === 'timeout') io.err(quiet ? 'wget: download timed out\n' : `Connecting to ${host}${port === 80 ? '' : `:${port}`} (${r.ip ?? host}:${port})\nwget: download timed out\n`);
    else io.err(`${quiet ? '' : `Connecting to ${host}${port === 80 ? '' : `:${port}`} (${r.ip ?? host}:${port})\n`}wget: can't connect to remote host (${r.ip ?? host}): ${r.error === 'connection refused' ? 'Connection refused' : r.error === 'no route to host' ? 'No route to host' : 'Connection reset by peer'}\n`);
    return 1;
  }
  if (!quiet) io.err(`Connecting to ${host}${port === 80 ? '' : `:${port}`} (${r.ip}:${r.port})\n`);
  if (r.status >= 400) {
    io.err(`wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText}\n`);
    return 1;
  }
  const target = outFile ?? (parseUrl(url).path.split('/').pop() || 'index.html');
  if (target === '-') {
    if (!quiet) io.err('writing to stdout\n');
    io.out(r.body);
    if (!quiet) io.err(`-                    100% |********************************|   ${r.body.length}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  sh.host.fs.write(sh.abs(target), r.body);
  if (!quiet) io.err(`saving to '${target}'\n${target.padEnd(20)} 100% |********************************|   ${r.body.length}  0:00:00 ETA\n'${target}' saved\n`);
  return 0;
}

function* curl(argv: string[], io: Io, sh: Shell): Program {
  let url = '';
  let method = 'GET';
  let silent = false;
  let head = false;
  let include = false;
  let timeoutMs = 0;
  let fail = false;
  let writeOut: string | undefined;
  let outFile: string | undefined;
  const headers: Record<string, string> = { 'user-agent': 'curl/8.11.1', accept: '*/*' };
  let body: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-X' || a === '--request') method = argv[++i];
    else if (a === '-H' || a === '--header') {
      const [k, ...v] = argv[++i].split(':');
      headers[k.trim().toLowerCase()] = v.join(':').trim();
    } else if (a === '-d' || a === '--data') {
      body = argv[++i];
      if (method === 'GET') method = 'POST';
    } else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') timeoutMs = Number(argv[++i]) * 1000;
    else if (a === '-o' || a === '--output') outFile = argv[++i];
    else if (a === '-w' || a === '--write-out') writeOut = argv[++i];
    else if (a === '-I' || a === '--head') {
      head = true;
      method = 'HEAD';
    } else if (a.startsWith('-') && !a.startsWith('--')) {
      if (a.includes('s')) silent = true;
      if (a.includes('i')) include = true;
      if (a.includes('f')) fail = true;
      if (a.includes('I')) head = true;
    } else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const { host, port } = parseUrl(url);
  const net = sh.host.network;
  if (!net) {
    if (!silent) io.err(`curl: (6) Could not resolve host: ${host}\n`);
    return 6;
  }
  const r = net.request({ from: sh.host.source, method, url: url.includes('://') ? url : `http://${url}`, headers, body, timeoutMs: timeoutMs || undefined });
  if (r.elapsedMs > 0) yield { kind: 'sleep', ms: r.elapsedMs };
  const showErr = !silent || argv.includes('-S') || argv.some((a) => /^-[a-zA-Z]*S/.test(a));
  if (!r.ok) {
    const ms = r.elapsedMs;
    if (r.error === 'no such host') return curlErr(io, showErr, 6, `Could not resolve host: ${host}`);
    if (r.error === 'timeout') return curlErr(io, showErr, 28, `Connection timed out after ${ms} milliseconds`);
    if (r.error === 'connection reset') return curlErr(io, showErr, 56, 'Recv failure: Connection reset by peer');
    return curlErr(io, showErr, 7, `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`);
  }
  if (fail && r.status >= 400) return curlErr(io, showErr, 22, `The requested URL returned error: ${r.status}`);
  let text = '';
  if (include || head) {
    text += `HTTP/1.1 ${r.status} ${r.statusText}\r\n`;
    for (const [k, v] of Object.entries(r.headers)) text += `${k}: ${v}\r\n`;
    text += '\r\n';
  }
  if (!head) text += r.body;
  if (outFile) sh.host.fs.write(sh.abs(outFile), text);
  else io.out(text);
  if (writeOut) io.out(writeOut.replace('%{http_code}', String(r.status)).replace(/\\n/g, '\n'));
  return 0;
}

function curlErr(io: Io, show: boolean, code: number, msg: string): number {
  if (show) io.err(`curl: (${code}) ${msg}\n`);
  return code;
}

function* nc(argv: string[], io: Io, sh: Shell): Program {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const wIdx = argv.indexOf('-w');
  const timeoutMs = wIdx > 0 ? Number(argv[wIdx + 1]) * 1000 : 10_000;
  const [host, portStr] = args.filter((a, i) => !(wIdx > 0 && argv[wIdx + 1] === a && i === 0));
  const port = Number(portStr);
  const net = sh.host.network;
  if (!host || !port) {
    io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n');
    return 1;
  }
  if (!net) {
    io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const r = net.tcpConnect({ from: sh.host.source, host, port, protocol: argv.includes('-u') ? 'UDP' : 'TCP', timeoutMs });
  if (r.elapsedMs > 0) yield { kind: 'sleep', ms: r.elapsedMs };
  const verbose = argv.some((a) => /^-[a-zA-Z]*v/.test(a));
  if (r.ok) {
    if (verbose) io.err(`${host} (${r.ip}:${port}) open\n`);
    return 0;
  }
  if (r.error === 'no such host') io.err(`nc: bad address '${host}'\n`);
  else if (r.error === 'timeout') io.err(verbose ? `nc: ${host} (${r.ip}:${port}): Connection timed out\n` : 'nc: timed out\n');
  else io.err(verbose ? `nc: ${host} (${r.ip}:${port}): Connection refused\n` : `nc: can't connect to remote host (${r.ip}): Connection refused\n`);
  return 1;
}

/** `busybox:1.28`, `docker.io/library/busybox:1.29.3`: a busybox older than 1.30 (the nslookup rewrite). */
export function isLegacyBusybox(image: string | undefined): boolean {
  const m = /(?:^|\/)busybox:1\.(\d+)(?:[.-]|$)/.exec(image ?? '');
  return !!m && Number(m[1]) < 30;
}

function* nslookup(argv: string[], io: Io, sh: Shell): Program {
  const name = argv.slice(1).find((a) => !a.startsWith('-'));
  const net = sh.host.network;
  if (!name) {
    io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  if (!net) {
    io.err(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const r = net.dnsLookup({ from: sh.host.source, name });
  if (isLegacyBusybox(sh.host.image)) {
    // busybox < 1.30 (busybox:1.28, the Kubernetes DNS debugging page's image) resolves through libc
    // and prints `Address 1: ip name` lines.
    if (r.elapsedMs > 0) yield { kind: 'sleep', ms: r.elapsedMs };
    const legacy = formatNslookupBusyboxLegacy(r);
    io.out(legacy.stdout);
    io.err(legacy.stderr);
    return legacy.exitCode;
  }
  if (r.timedOut) {
    yield { kind: 'sleep', ms: 15_000 };
    io.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  io.out(`Server:\t\t${r.server}\nAddress:\t${r.server}:53\n\n`);
  if (!r.ok) {
    io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  for (const rec of r.records.filter((x) => x.type === 'CNAME')) io.out(`${rec.name}\tcanonical name = ${rec.value}\n`);
  for (const a of r.addresses) io.out(`Name:\t${r.fqdn ?? name}\nAddress: ${a}\n`);
  io.out('\n');
  return 0;
}

function* ping(argv: string[], io: Io, sh: Shell): Program {
  const cIdx = argv.indexOf('-c');
  const count = cIdx > 0 ? Number(argv[cIdx + 1]) : 4;
  const host = argv.slice(1).filter((a, i) => !a.startsWith('-') && !(cIdx > 0 && i + 1 === cIdx + 1)).pop() ?? '';
  const net = sh.host.network;
  if (!net) {
    io.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const r = net.ping({ from: sh.host.source, host, count });
  if (r.error) {
    io.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  io.out(`PING ${host} (${r.ip}): 56 data bytes\n`);
  for (let i = 0; i < r.rttMs.length; i++) {
    io.out(`64 bytes from ${r.ip}: seq=${i} ttl=62 time=${r.rttMs[i].toFixed(3)} ms\n`);
    if (i < count - 1) yield { kind: 'sleep', ms: 1000 };
  }
  if (!r.rttMs.length) yield { kind: 'sleep', ms: count * 1000 };
  const loss = Math.round(((r.transmitted - r.received) / Math.max(1, r.transmitted)) * 100);
  io.out(`\n--- ${host} ping statistics ---\n${r.transmitted} packets transmitted, ${r.received} packets received, ${loss}% packet loss\n`);
  if (r.rttMs.length) {
    const min = Math.min(...r.rttMs);
    const max = Math.max(...r.rttMs);
    const avg = r.rttMs.reduce((a, b) => a + b, 0) / r.rttMs.length;
    io.out(`round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`);
  }
  return r.ok ? 0 : 1;
}

export function networkCommands(): Map<string, CommandFn> {
  return new Map<string, CommandFn>([
    ['wget', wget],
    ['curl', curl],
    ['nc', nc],
    ['nslookup', nslookup],
    ['ping', ping],
  ]);
}
