import type { Shell } from './interpreter';
import type { HttpReply, Io, Program } from './types';
import { formatDate, nginxTime } from './date';

const SERVER = 'Apache/2.4.25 (Debian)';
const PHP = 'PHP/5.6.40';

/**
 * `apache2-foreground` of the php:5-apache image (registry.k8s.io/hpa-example):
 * Apache's start-up notices on stderr, `index.php` answered with its output
 * ("OK!" for the HPA example, after burning the CPU its image profile says),
 * other paths 404, and Debian's `combined` access log on stdout (`%O` = bytes
 * sent, headers included).
 */
export function* apache2Foreground(_argv: string[], io: Io, sh: Shell): Program {
  const ip = sh.vars.get('POD_IP_INTERNAL') ?? '10.244.1.2';
  const t = formatDate(sh.host.nowMs(), '%a %b %d %H:%M:%S.000000 %Y');
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  io.err(fqdn);
  io.err(fqdn);
  io.err(`[${t}] [mpm_prefork:notice] [pid 1] AH00163: ${SERVER} ${PHP} configured -- resuming normal operations\n`);
  io.err(`[${t}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`);
  const clock = secondClock();
  sh.host.listen(80, (req) => {
    const path = req.path.split('?')[0];
    const reply = answer(sh, path.endsWith('/') ? `${path}index.php` : path);
    const { date, logTime } = clock(sh.host.nowMs());
    reply.headers = { date, server: SERVER, ...(reply.status === 200 ? { 'x-powered-by': PHP } : {}), 'content-length': String(reply.body.length), connection: 'close', 'content-type': 'text/html; charset=UTF-8' };
    const head = `HTTP/1.1 ${reply.status} ${reply.statusText}\r\n${Object.entries(reply.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const ua = req.headers['user-agent'] ?? '-';
    io.out(`${req.remoteIP} - - [${logTime}] "${req.method} ${req.path} HTTP/1.1" ${reply.status} ${head.length + reply.body.length} "-" "${ua}"\n`);
    return reply;
  });
  yield { kind: 'block' };
  return 0;
}

/** The Date header and access-log time, formatted once per second (a loaded server answers many per second). */
function secondClock(): (ms: number) => { date: string; logTime: string } {
  let second = NaN;
  let cached = { date: '', logTime: '' };
  return (ms) => {
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      second = s;
      cached = { date: formatDate(ms, '%a, %d %b %Y %H:%M:%S GMT'), logTime: nginxTime(ms) };
    }
    return cached;
  };
}

/** What a PHP file prints (its `echo "…"` strings), memoised by the file's content. */
const phpOutput = new Map<string, string>();
function echoes(file: string): string {
  let out = phpOutput.get(file);
  if (out === undefined) {
    out = [...file.matchAll(/echo\s+"([^"]*)"\s*;/g)].map((m) => m[1]).join('');
    if (phpOutput.size < 64) phpOutput.set(file, out);
  }
  return out;
}

/** index.php of the HPA example prints "OK!"; other PHP files print their inline `echo "…"`; missing files 404. */
function answer(sh: Shell, path: string): HttpReply {
  const file = sh.host.fs.read(`/var/www/html${path}`);
  if (file === undefined) {
    const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n<hr>\n<address>${SERVER} Server at ${'localhost'} Port 80</address>\n</body></html>\n`;
    return { status: 404, statusText: 'Not Found', body };
  }
  if (!path.endsWith('.php')) return { status: 200, statusText: 'OK', body: file };
  // A PHP interpreter is out of scope: the output of a script is what its `echo` statements print.
  return { status: 200, statusText: 'OK', body: echoes(file) };
}
