import { arith, type CommandFn, type Shell } from './interpreter';
import type { HttpHandler, HttpReply, Io, Program } from './types';
import type { ImageSpec } from '../images/catalogue';
import { formatDate, nginxTime } from './date';
import { baseCommands, parseDuration } from './commands';
import { GNU_COMMANDS, gnuFlavoured } from './gnu';
import { perl } from './perl';
import { echoserverNginx, simpleapp } from './web-apps';
import { apache2Foreground } from './php-apache';

const MI = 1024 * 1024;

/**
 * The behaviour of each catalogue image's own programs: servers listen and
 * log like the real ones, databases check their required env and exit with
 * the real error, tools print their usage. Servers `block` until signalled.
 */
export function imageCommands(image: ImageSpec): Map<string, CommandFn> {
  const m = new Map<string, CommandFn>();
  const add = (names: string[], fn: CommandFn) => names.forEach((n) => image.commands.includes(n) && m.set(n, fn));
  add(['docker-entrypoint.sh', 'entrypoint.sh'], entrypoint(image));
  add(['nginx'], image.repository.endsWith('/echoserver') ? echoserverNginx : nginx);
  add(['perl'], perl);
  add(['simpleapp'], simpleapp);
  add(['httpd-foreground', 'httpd'], httpd);
  add(['redis-server'], redisServer);
  add(['postgres'], postgres);
  add(['mysqld'], mysqld);
  add(['mongod'], mongod);
  add(['memcached'], server([11211], () => []));
  add(['python', 'python3'], python);
  add(['node'], node);
  add(['stress'], stress);
  add(['http-echo'], httpEcho);
  add(['apache2-foreground'], apache2Foreground);
  add(['echo-server'], echoServer);
  add(['pause'], forever([]));
  add(['agnhost'], agnhost);
  add(['coredns'], coredns);
  add(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'flanneld', 'metrics-server', 'nginx-ingress-controller'], systemDaemon(image));
  add(['dumb-init'], function* (argv, io, sh) {
    const rest = argv.slice(1).filter((a) => a !== '--');
    return rest.length ? yield* sh.exec(rest, io) : 0;
  });
  add(['redis-cli', 'psql', 'mysql', 'mongosh', 'pg_isready', 'mysqladmin', 'pip', 'npm'], clientTool);
  // Debian/Ubuntu userland: coreutils' diagnostics over the busybox implementations.
  if (image.shell === 'bash') for (const [k, v] of gnuCommands(image)) m.set(k, v);
  return m;
}

const gnuCache = new WeakMap<ImageSpec, Map<string, CommandFn>>();
function gnuCommands(image: ImageSpec): Map<string, CommandFn> {
  let m = gnuCache.get(image);
  if (!m) {
    const base = baseCommands();
    m = new Map(GNU_COMMANDS.map((n) => [n, gnuFlavoured(image, base.get(n)!)]));
    gnuCache.set(image, m);
  }
  return m;
}

function* blockForever(): Program {
  yield { kind: 'block' };
  return 0;
}

function forever(lines: string[]): CommandFn {
  return function* (_argv, io) {
    for (const l of lines) io.out(`${l}\n`);
    return yield* blockForever();
  };
}

function server(ports: number[], lines: (sh: Shell) => string[], handler?: HttpHandler): CommandFn {
  return function* (_argv, io, sh) {
    for (const l of lines(sh)) io.out(`${l}\n`);
    for (const p of ports) sh.host.listen(p, handler);
    return yield* blockForever();
  };
}

/** docker-entrypoint.sh: image-specific set-up, then exec "$@". */
function entrypoint(image: ImageSpec): CommandFn {
  return function* (argv, io, sh) {
    const args = argv.slice(1);
    if (image.repository === 'nginx' && args[0] === 'nginx') {
      for (const l of NGINX_ENTRYPOINT) io.out(`${l}\n`);
    }
    if (image.repository === 'curlimages/curl' && (!args.length || args[0].startsWith('-'))) return yield* sh.exec(['curl', ...args], io);
    if (!args.length) return 0;
    return yield* sh.exec(args, io);
  };
}

const NGINX_ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error' };

function nginxError(code: number, version: string): string {
  const t = `${code} ${STATUS_TEXT[code]}`;
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** A static file server over the container filesystem, logging in nginx's combined format. */
function* nginx(argv: string[], io: Io, sh: Shell): Program {
  const version = sh.vars.get('NGINX_VERSION') ?? '1.27.3';
  if (argv.includes('-v') || argv.includes('-V')) {
    io.err(`nginx version: nginx/${version}\n`);
    return 0;
  }
  if (argv.includes('-t')) {
    io.err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  if (argv.includes('-s')) return 0;
  const ts = formatDate(sh.host.nowMs(), '%Y/%m/%d %H:%M:%S');
  const notices = ['using the "epoll" event method', `nginx/${version}`, 'built by gcc 12.2.0 (Debian 12.2.0-14) ', `OS: Linux ${sh.host.kernel}`, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes'];
  for (let i = 0; i < sh.host.cpus; i++) notices.push(`start worker process ${29 + i}`);
  for (const n of notices) io.err(`${ts} [notice] 1#1: ${n}\n`);
  const root = '/usr/share/nginx/html';
  sh.host.listen(80, (req) => {
    let path = req.path.split('?')[0];
    if (path.endsWith('/')) path += 'index.html';
    let reply: HttpReply;
    const st = sh.host.fs.stat(root + path);
    if (req.method !== 'GET' && req.method !== 'HEAD') reply = { status: 405, body: nginxError(405, version) };
    else if (st?.type === 'file') reply = { status: 200, body: sh.host.fs.read(root + path)! };
    else reply = { status: 404, body: nginxError(404, version) };
    reply.statusText = STATUS_TEXT[reply.status];
    reply.headers = { server: `nginx/${version}`, 'content-type': reply.status === 200 && !path.endsWith('.html') ? 'application/octet-stream' : 'text/html', 'content-length': String(reply.body.length) };
    const ua = req.headers['user-agent'] ?? '-';
    io.out(`${req.remoteIP} - - [${nginxTime(sh.host.nowMs())}] "${req.method} ${req.path} HTTP/1.1" ${reply.status} ${reply.body.length} "-" "${ua}" "-"\n`);
    if (reply.status === 404) io.err(`${formatDate(sh.host.nowMs(), '%Y/%m/%d %H:%M:%S')} [error] 29#29: *1 open() "${root}${path}" failed (2: No such file or directory), client: ${req.remoteIP}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers.host ?? ''}"\n`);
    return reply;
  });
  return yield* blockForever();
}

function* httpd(_argv: string[], io: Io, sh: Shell): Program {
  const ip = sh.vars.get('POD_IP_INTERNAL') ?? '10.244.1.2';
  const t = formatDate(sh.host.nowMs(), '%a %b %d %H:%M:%S.000000 %Y');
  io.err(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`);
  io.err(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`);
  io.err(`[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations\n`);
  io.err(`[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  sh.host.listen(80, (req) => {
    const path = req.path.split('?')[0];
    const file = sh.host.fs.read(`/usr/local/apache2/htdocs${path.endsWith('/') ? `${path}index.html` : path}`);
    const reply: HttpReply = file !== undefined ? { status: 200, body: file } : { status: 404, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n' };
    reply.statusText = STATUS_TEXT[reply.status];
    io.out(`${req.remoteIP} - - [${nginxTime(sh.host.nowMs())}] "${req.method} ${req.path} HTTP/1.1" ${reply.status} ${reply.body.length}\n`);
    return reply;
  });
  return yield* blockForever();
}

function* redisServer(argv: string[], io: Io, sh: Shell): Program {
  const portIdx = argv.indexOf('--port');
  const port = portIdx > 0 ? Number(argv[portIdx + 1]) : 6379;
  const t = (ms: number) => formatDate(ms, '%d %b %Y %H:%M:%S') + `.${String(ms % 1000).padStart(3, '0')}`;
  const now = sh.host.nowMs();
  io.out(`1:C ${t(now)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n`);
  io.out(`1:C ${t(now)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started\n`);
  if (argv.length < 2 || argv[1].startsWith('--')) io.out(`1:C ${t(now)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n`);
  io.out(`1:M ${t(now + 1)} * monotonic clock: POSIX clock_gettime\n`);
  io.out(`1:M ${t(now + 1)} * Running mode=standalone, port=${port}.\n`);
  io.out(`1:M ${t(now + 1)} * Server initialized\n`);
  io.out(`1:M ${t(now + 1)} * Ready to accept connections tcp\n`);
  sh.host.listen(port, () => ({ error: 'empty reply' }));
  return yield* blockForever();
}

function* postgres(_argv: string[], io: Io, sh: Shell): Program {
  const pw = sh.vars.get('POSTGRES_PASSWORD');
  const trust = sh.vars.get('POSTGRES_HOST_AUTH_METHOD') === 'trust';
  if (!pw && !trust) {
    io.err(POSTGRES_NO_PASSWORD);
    return 1;
  }
  const t = (ms: number) => `${formatDate(ms, '%Y-%m-%d %H:%M:%S')}.${String(ms % 1000).padStart(3, '0')} UTC`;
  io.out('The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\n');
  io.out('The database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\n');
  io.out('Success. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\n');
  yield { kind: 'sleep', ms: 2500 };
  io.out('\nPostgreSQL init process complete; ready for start up.\n\n');
  const now = sh.host.nowMs();
  io.err(`${t(now)} [1] LOG:  starting PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n`);
  io.err(`${t(now)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n`);
  io.err(`${t(now)} [1] LOG:  listening on IPv6 address "::", port 5432\n`);
  io.err(`${t(now + 2)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"\n`);
  io.err(`${t(now + 8)} [64] LOG:  database system was shut down at ${t(now - 200)}\n`);
  io.err(`${t(now + 12)} [1] LOG:  database system is ready to accept connections\n`);
  sh.host.listen(5432, () => ({ error: 'empty reply' }));
  return yield* blockForever();
}

export const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

function* mysqld(_argv: string[], io: Io, sh: Shell): Program {
  const t = () => `${formatDate(sh.host.nowMs(), '%Y-%m-%d %H:%M:%S')}+00:00`;
  io.out(`${t()} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.\n`);
  io.out(`${t()} [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n`);
  io.out(`${t()} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.\n`);
  const ok = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'].some((k) => sh.vars.get(k));
  if (!ok) {
    io.err(`${t()} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
    return 1;
  }
  io.out(`${t()} [Note] [Entrypoint]: Initializing database files\n`);
  yield { kind: 'sleep', ms: 8000 };
  io.out(`${t()} [Note] [Entrypoint]: Database files initialized\n${t()} [Note] [Entrypoint]: MySQL init process done. Ready for start up.\n\n`);
  io.err(`${formatDate(sh.host.nowMs(), '%Y-%m-%dT%H:%M:%S')}.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.3'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`);
  sh.host.listen(3306, () => ({ error: 'empty reply' }));
  sh.host.listen(33060, () => ({ error: 'empty reply' }));
  return yield* blockForever();
}

function* mongod(_argv: string[], io: Io, sh: Shell): Program {
  const ts = `${formatDate(sh.host.nowMs(), '%Y-%m-%dT%H:%M:%S')}.000+00:00`;
  io.out(`{"t":{"$date":"${ts}"},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"main","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}\n`);
  io.out(`{"t":{"$date":"${ts}"},"s":"I",  "c":"NETWORK",  "id":23015,   "ctx":"listener","msg":"Listening on","attr":{"address":"0.0.0.0"}}\n`);
  io.out(`{"t":{"$date":"${ts}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}\n`);
  sh.host.listen(27017, () => ({ status: 200, body: 'It looks like you are trying to access MongoDB over HTTP on the native driver port.\n' }));
  return yield* blockForever();
}

/** python: `-c` one-liners with print(), `-m http.server [port]`; bare python exits (no tty). */
function* python(argv: string[], io: Io, sh: Shell): Program {
  const c = argv.indexOf('-c');
  if (c > 0) return runScriptLike(argv[c + 1] ?? '', io, sh, /print\((.*)\)/g);
  const m = argv.indexOf('-m');
  if (m > 0 && argv[m + 1] === 'http.server') {
    const port = Number(argv[m + 2] ?? 8000) || 8000;
    sh.host.listen(port, (req) => {
      io.err(`${req.remoteIP} - - [${formatDate(sh.host.nowMs(), '%d/%b/%Y %H:%M:%S')}] "${req.method} ${req.path} HTTP/1.1" 200 -\n`);
      const names = sh.host.fs.list(sh.cwd) ?? [];
      const items = names.map((n) => `<li><a href="${n}">${n}</a></li>`).join('\n');
      return { status: 200, statusText: 'OK', body: `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n` };
    });
    io.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    return yield* blockForever();
  }
  if (argv.includes('--version') || argv.includes('-V')) {
    io.out('Python 3.13.1\n');
    return 0;
  }
  return 0;
}

/** node: `-e` one-liners with console.log(), http servers via `-e` are approximated by listening on the port in `.listen(N)`. */
function* node(argv: string[], io: Io, sh: Shell): Program {
  const e = argv.findIndex((a) => a === '-e' || a === '--eval');
  if (argv.includes('--version') || argv.includes('-v')) {
    io.out('v22.12.0\n');
    return 0;
  }
  if (argv[1] === 'webserver') return yield* echoServer(argv, io, sh);
  if (e < 0) return 0;
  const src = argv[e + 1] ?? '';
  const listen = /\.listen\((\d+)/.exec(src);
  const code = runScriptLike(src, io, sh, /console\.log\((.*?)\)/g);
  if (!listen) return code;
  const body = /\.end\((['"`])(.*?)\1\)/.exec(src)?.[2] ?? '';
  sh.host.listen(Number(listen[1]), () => ({ status: 200, statusText: 'OK', body }));
  return yield* blockForever();
}

function runScriptLike(src: string, io: Io, sh: Shell, re: RegExp): number {
  if (/\b(exit|sys\.exit|process\.exit)\((\d+)\)/.test(src)) {
    for (const m of src.matchAll(re)) io.out(`${literal(m[1], sh)}\n`);
    return Number(/\b(?:exit|sys\.exit|process\.exit)\((\d+)\)/.exec(src)![1]);
  }
  for (const m of src.matchAll(re)) io.out(`${literal(m[1], sh)}\n`);
  return 0;
}

/** Evaluates a literal argument: quoted strings, numbers, simple arithmetic, env lookups. */
function literal(expr: string, sh: Shell): string {
  const s = expr.trim();
  const q = /^(['"`])(.*)\1$/.exec(s);
  if (q) return q[2];
  if (/^[\d\s+\-*/()]+$/.test(s)) return String(arith(s, new Map()));
  const env = /(?:os\.environ(?:\.get)?\[?\(?|process\.env\.)['"]?([A-Za-z_][A-Za-z0-9_]*)/.exec(s);
  if (env) return sh.vars.get(env[1]) ?? '';
  return s;
}

/**
 * stress (polinux/stress, progrium/stress): `--vm N --vm-bytes SIZE` allocates
 * N×SIZE (above the memory limit → OOMKilled), `--cpu N` burns N cores,
 * `--timeout` ends it.
 */
function* stress(argv: string[], io: Io, sh: Shell): Program {
  if (argv.includes('--help') || argv.length === 1) {
    io.out("`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -?, --help         show this help statement\n     --version      show version statement\n -v, --verbose      be verbose\n -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n -t, --timeout N    timeout after N seconds\n -c, --cpu N        spawn N workers spinning on sqrt()\n -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n");
    return argv.includes('--help') ? 0 : 1;
  }
  const opt = (long: string, short: string) => {
    const i = argv.findIndex((a) => a === long || a === short);
    return i > 0 ? argv[i + 1] : undefined;
  };
  const vm = Number(opt('--vm', '-m') ?? 0);
  const cpu = Number(opt('--cpu', '-c') ?? 0);
  const bytes = parseBytes(opt('--vm-bytes', '--vm-bytes') ?? '256M');
  const timeout = opt('--timeout', '-t');
  io.out(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
  if (cpu) sh.host.setCpu(cpu * 1000);
  yield { kind: 'sleep', ms: 50, background: true };
  if (vm) sh.host.setMemory(vm * bytes + 0.5 * MI);
  if (timeout) {
    const ms = parseDuration(timeout) ?? 0;
    yield { kind: 'sleep', ms, background: true };
    io.out(`stress: info: [1] successful run completed in ${Math.round(ms / 1000)}s\n`);
    return 0;
  }
  return yield* blockForever();
}

function parseBytes(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s);
  if (!m) return 256 * MI;
  const mult: Record<string, number> = { '': 1, b: 1, k: 1024, m: MI, g: 1024 * MI };
  return Number(m[1]) * mult[m[2].toLowerCase()];
}

function* httpEcho(argv: string[], io: Io, sh: Shell): Program {
  const text = argv.find((a) => a.startsWith('-text='))?.slice(6) ?? argv[argv.indexOf('-text') + 1];
  const listen = argv.find((a) => a.startsWith('-listen='))?.slice(8) ?? ':5678';
  if (text === undefined || argv.indexOf('-text') === argv.length - 1) {
    io.err('Missing -text option!\n');
    return 127;
  }
  const port = Number(listen.split(':').pop()) || 5678;
  io.err(`${formatDate(sh.host.nowMs(), '%Y/%m/%d %H:%M:%S')} [INFO] server is listening on ${listen}\n`);
  sh.host.listen(port, (req) => {
    io.err(`${formatDate(sh.host.nowMs(), '%Y/%m/%d %H:%M:%S')} ${req.headers.host ?? ''} ${req.remoteIP}:40000 "${req.method} ${req.path} HTTP/1.1" 200 ${text.length + 1} "${req.headers['user-agent'] ?? ''}" 15.2µs\n`);
    return { status: 200, statusText: 'OK', headers: { 'content-type': 'text/plain; charset=utf-8', 'x-app-name': 'http-echo', 'x-app-version': '1.0.0' }, body: `${text}\n` };
  });
  return yield* blockForever();
}

function* echoServer(_argv: string[], io: Io, sh: Shell): Program {
  const port = Number(sh.vars.get('PORT') ?? 80) || 80;
  io.out(`Listening on port ${port}.\n`);
  sh.host.listen(port, (req) => {
    const body = JSON.stringify({ host: { hostname: req.headers.host ?? '', ip: `::ffff:${req.remoteIP}`, ips: [] }, http: { method: req.method, baseUrl: '', originalUrl: req.path, protocol: 'http' }, request: { params: { '0': req.path.split('?')[0] }, query: {}, cookies: {}, body: {}, headers: req.headers }, environment: { HOSTNAME: sh.host.hostname } });
    io.out(`{"name":"echo-server","hostname":"${sh.host.hostname}","pid":1,"level":30,"host":{"hostname":"${req.headers.host ?? ''}","ip":"::ffff:${req.remoteIP}","ips":[]},"http":{"method":"${req.method}","baseUrl":"","originalUrl":"${req.path}","protocol":"http"},"msg":"${req.method} ${req.path}","v":0}\n`);
    return { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json; charset=utf-8' }, body };
  });
  return yield* blockForever();
}

function* agnhost(argv: string[], io: Io, sh: Shell): Program {
  const sub = argv[1] ?? 'pause';
  if (sub === 'netexec' || sub === 'serve-hostname') {
    const port = Number(argv.find((a) => a.startsWith('--http-port='))?.split('=')[1] ?? (sub === 'netexec' ? 8080 : 9376));
    sh.host.listen(port, (req) => ({ status: 200, statusText: 'OK', body: req.path.startsWith('/hostname') || sub === 'serve-hostname' ? sh.host.hostname : `NOW: ${formatDate(sh.host.nowMs(), '%Y-%m-%d %H:%M:%S')}.000000000 +0000 UTC m=+0.000000001` }));
    io.out(`Started HTTP server on port ${port}\n`);
    return yield* blockForever();
  }
  if (sub === 'pause') io.out('Paused\n');
  return yield* blockForever();
}

function* coredns(_argv: string[], io: Io, sh: Shell): Program {
  io.out('.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n');
  sh.host.listen(8080, () => ({ status: 200, statusText: 'OK', body: 'OK' }));
  sh.host.listen(8181, () => ({ status: 200, statusText: 'OK', body: 'OK' }));
  sh.host.listen(9153, () => ({ status: 200, statusText: 'OK', body: '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n' }));
  sh.host.listen(53);
  return yield* blockForever();
}

const DAEMON_PORTS: Record<string, number[]> = {
  'kube-apiserver': [6443],
  'kube-controller-manager': [10257],
  'kube-scheduler': [10259],
  'kube-proxy': [10249, 10256],
  etcd: [2379, 2380, 2381],
  'metrics-server': [10250],
  'nginx-ingress-controller': [80, 443, 8443, 10254],
};

/** Control-plane daemons and add-ons: a few start-up lines, listen where they do, run forever. */
/** `etcd --version` of the v3.5.16 release binaries in registry.k8s.io/etcd:3.5.16-0 (server/etcdmain/etcd.go). */
const ETCD_VERSION = 'etcd Version: 3.5.16\nGit SHA: f20bbad\nGo Version: go1.22.7\nGo OS/Arch: linux/amd64\n';

function systemDaemon(image: ImageSpec): CommandFn {
  return function* (argv, io, sh) {
    const name = argv[0].split('/').pop();
    if (argv.includes('--version') && (name === 'etcd' || name?.startsWith('kube-'))) {
      // component-base/version/verflag: "Kubernetes v1.32.4"; etcd prints its build information.
      io.out(name === 'etcd' ? ETCD_VERSION : `Kubernetes ${image.tags[0]}\n`);
      return 0;
    }
    const t = formatDate(sh.host.nowMs(), '%m%d %H:%M:%S');
    io.err(`I${t}.000000       1 ${argv[0].split('/').pop()}.go:1] "Starting" version="${image.tags[0]}"\n`);
    // Health endpoints (/livez, /readyz, /healthz, etcd's /health) answer "ok" like the real daemons.
    const ok: HttpHandler = () => ({ status: 200, statusText: 'OK', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' });
    const ports = new Set([...image.ports, ...(DAEMON_PORTS[argv[0].split('/').pop()!] ?? [])]);
    const secure = argv.find((a) => a.startsWith('--secure-port='))?.split('=')[1];
    if (secure) ports.add(Number(secure));
    for (const p of ports) sh.host.listen(p, ok);
    return yield* blockForever();
  };
}

function* clientTool(argv: string[], io: Io): Program {
  const name = argv[0].split('/').pop();
  if (name === 'redis-cli') {
    const rest = argv.slice(1).filter((a, i, arr) => !a.startsWith('-') && !(i > 0 && ['-h', '-p'].includes(arr[i - 1])));
    if (rest[0]?.toLowerCase() === 'ping') io.out('PONG\n');
    else if (rest[0]?.toLowerCase() === 'set') io.out('OK\n');
    else if (rest.length) io.out('(nil)\n');
    return 0;
  }
  if (name === 'pg_isready') {
    io.out('/var/run/postgresql:5432 - accepting connections\n');
    return 0;
  }
  if (name === 'mysqladmin' && argv.includes('ping')) {
    io.out('mysqld is alive\n');
    return 0;
  }
  return 0;
}
