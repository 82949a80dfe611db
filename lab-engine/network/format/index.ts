import type { DnsLookupResult, Failure, PingResult } from '../service';

/**
 * The text each client tool prints for a network outcome, so that every
 * caller (the kubelet's exec, the shell) prints the same bytes. Sources:
 * busybox networking/wget.c, nslookup.c, ping.c, nc.c; curl 8.x
 * lib/connect.c and lib/multi.c.
 */

/**
 * busybox wget's stderr line for a failure. `authority` is host[:port] as
 * written in the URL (busybox's "bad address" names it so); `timeoutGiven`:
 * `-T` was passed (then a drop reads "download timed out").
 */
export function formatWgetError(f: Failure, authority: string, timeoutGiven = false): string {
  switch (f.error) {
    case 'no such host':
      return `wget: bad address '${authority}'`;
    case 'connection refused':
      return `wget: can't connect to remote host (${f.ip}): Connection refused`;
    case 'timeout':
      return timeoutGiven ? 'wget: download timed out' : `wget: can't connect to remote host (${f.ip}): Connection timed out`;
    case 'no route to host':
      return `wget: can't connect to remote host (${f.ip}): No route to host`;
    case 'connection reset':
      return 'wget: error getting response: Connection reset by peer';
  }
}

/** busybox wget for an HTTP status >= 400: `wget: server returned error: HTTP/1.1 404 Not Found`. */
export function formatWgetHttpError(status: number, statusText: string): string {
  return `wget: server returned error: HTTP/1.1 ${status} ${statusText}`;
}

export interface CurlTimeouts {
  /** --connect-timeout, in ms. */
  connectTimeoutMs?: number;
  /** -m / --max-time, in ms. */
  maxTimeMs?: number;
}

/** curl's exit code for a failure (6, 7, 28, 56). */
export function curlExitCode(f: Failure): number {
  if (f.error === 'no such host') return 6;
  if (f.error === 'timeout') return 28;
  if (f.error === 'connection reset') return 56;
  return 7;
}

/**
 * curl 8.x's `curl: (N) …` line. A drop hits whichever limit is first:
 * -m while connecting → multi.c "Connection timed out after N milliseconds";
 * --connect-timeout → connect.c "… after N ms: Timeout was reached"; neither
 * → the kernel's SYN timeout: "Couldn't connect to server" with exit 28.
 */
export function formatCurlError(f: Failure, t: CurlTimeouts = {}): string {
  const host = f.host;
  switch (f.error) {
    case 'no such host':
      return `curl: (6) Could not resolve host: ${host}`;
    case 'connection refused':
    case 'no route to host':
      return `curl: (7) Failed to connect to ${host} port ${f.port} after ${f.elapsedMs} ms: Couldn't connect to server`;
    case 'connection reset':
      return 'curl: (56) Recv failure: Connection reset by peer';
    case 'timeout': {
      const { connectTimeoutMs: c, maxTimeMs: m } = t;
      if (m !== undefined && (c === undefined || m <= c)) return `curl: (28) Connection timed out after ${m + 1} milliseconds`;
      if (c !== undefined) return `curl: (28) Failed to connect to ${host} port ${f.port} after ${c + 2} ms: Timeout was reached`;
      return `curl: (28) Failed to connect to ${host} port ${f.port} after ${f.elapsedMs} ms: Couldn't connect to server`;
    }
  }
}

/**
 * busybox (>= 1.30) nslookup output: the server header on the first reply,
 * then one block per query in the order sent (A for each candidate, then
 * AAAA), each followed by an empty line; `** server can't find …: NXDOMAIN`
 * for negative answers. Exit status 1 when any query failed.
 */
export function formatNslookupBusybox(r: DnsLookupResult): { stdout: string; exitCode: number } {
  if (r.timedOut) return { stdout: ';; connection timed out; no servers could be reached\n\n', exitCode: 1 };
  let out = `Server:\t\t${r.server}\nAddress:\t${r.server}:53\n\n`;
  let failed = false;
  for (const q of r.queries) {
    if (q.rcode !== 'NOERROR') {
      out += `** server can't find ${q.name}: ${q.rcode}\n`;
      failed = true;
    } else {
      for (const a of q.answers) {
        if (a.type === 'A' || a.type === 'AAAA') out += `Name:\t${a.name}\nAddress: ${a.value}\n`;
        else if (a.type === 'CNAME') out += `${a.name}\tcanonical name = ${a.value}\n`;
        else if (a.type === 'PTR') out += `${a.name}\tname = ${a.value}\n`;
        else if (a.type === 'SRV') out += `${a.name}\tservice = ${a.value}\n`;
      }
    }
    out += '\n';
  }
  return { stdout: out, exitCode: failed ? 1 : 0 };
}

/**
 * busybox 1.28's nslookup (the image the Kubernetes DNS debugging page
 * uses): libc resolution with the search list, `Address 1: ip name` lines.
 */
export function formatNslookupBusyboxLegacy(r: DnsLookupResult, serverName = 'kube-dns.kube-system.svc.cluster.local'): { stdout: string; stderr: string; exitCode: number } {
  const head = `Server:    ${r.server}\nAddress 1: ${r.server}${serverName ? ` ${serverName}` : ''}\n\n`;
  if (r.timedOut) return { stdout: '', stderr: `nslookup: can't resolve '${r.query}'\n`, exitCode: 1 };
  if (!r.ok || r.addresses.length === 0) return { stdout: head, stderr: `nslookup: can't resolve '${r.query}'\n`, exitCode: 1 };
  const lines = r.addresses.map((ip, i) => `Address ${i + 1}: ${ip}${r.fqdn ? ` ${r.fqdn}` : ''}`);
  return { stdout: `${head}Name:      ${r.query}\n${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
}

/** busybox ping's output for `ping -c N host`. */
export function formatPing(r: PingResult): { stdout: string; stderr: string; exitCode: number } {
  if (r.error === 'no such host') return { stdout: '', stderr: `ping: bad address '${r.host}'\n`, exitCode: 1 };
  let out = `PING ${r.host} (${r.ip}): 56 data bytes\n`;
  r.rttMs.forEach((t, seq) => {
    out += `64 bytes from ${r.ip}: seq=${seq} ttl=${t < 0.2 ? 64 : 62} time=${t.toFixed(3)} ms\n`;
  });
  const loss = r.transmitted === 0 ? 0 : Math.round(((r.transmitted - r.received) * 100) / r.transmitted);
  out += `\n--- ${r.host} ping statistics ---\n${r.transmitted} packets transmitted, ${r.received} packets received, ${loss}% packet loss\n`;
  if (r.received > 0) {
    const min = Math.min(...r.rttMs);
    const max = Math.max(...r.rttMs);
    const avg = r.rttMs.reduce((a, b) => a + b, 0) / r.rttMs.length;
    out += `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
  }
  return { stdout: out, stderr: '', exitCode: r.received > 0 ? 0 : 1 };
}

/**
 * busybox `nc -z[v] host port`: silent unless -v; -v prints
 * `host (ip:port) open`, or `nc: host (ip:port): Connection refused`
 * (nc_bloaty.c's holler, verbose only; the exit status tells otherwise).
 */
export function formatNc(ok: boolean, host: string, ip: string | undefined, port: number, f: Failure | undefined, verbose: boolean): { stdout: string; stderr: string; exitCode: number } {
  if (ok) return { stdout: '', stderr: verbose ? `${host} (${ip}:${port}) open\n` : '', exitCode: 0 };
  if (f?.error === 'no such host') return { stdout: '', stderr: `nc: bad address '${host}'\n`, exitCode: 1 };
  const why = f?.error === 'timeout' ? 'Connection timed out' : 'Connection refused';
  return { stdout: '', stderr: verbose ? `nc: ${host} (${ip}:${port}): ${why}\n` : '', exitCode: 1 };
}
