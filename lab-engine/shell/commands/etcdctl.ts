import { defineCommand, type Command } from 'just-bash';
import { parse } from 'yaml';
import type { Shell } from '../shell';
import type { Cluster } from '../../sim/cluster';
import type { KubeObject } from '../../api/types';
import { VirtualFs } from '../vfs';
import { fnv1a32 } from '../../base/hash';
import { parseCertificate, isSignedBy, keyMatchesCertificate } from '../../security/pki/x509';
import { parsePrivateKey } from '../../security/pki/rsa';
import { CLUSTER_PKI_SERVICE, type ClusterPki } from '../../security/pki/cluster-pki';

/**
 * etcdctl 3.5 / etcdutl for the CKA backup-and-restore task, on the control
 * plane: `snapshot save FILE` (TLS to https://127.0.0.1:2379 checked against
 * the etcd CA: --cacert, --cert, --key), `snapshot status FILE [-w table|json]`,
 * `snapshot restore FILE --data-dir DIR`, `version`, `endpoint health`,
 * `member list`. A snapshot file holds the cluster's objects (a text, not a
 * bbolt file); restoring writes DIR/member/snap/db. When etcd.yaml's
 * `etcd-data` hostPath then points at that directory, the static pod restarts
 * on it and the API server's store becomes the snapshot (etcdRestoreWatcher).
 */
type Result = { stdout: string; stderr: string; exitCode: number };

const MAGIC = 'KUBELAB ETCD SNAPSHOT v1\n';
const ENDPOINT = 'https://127.0.0.1:2379';
const ETCD_VERSION = '3.5.16';

interface Snapshot {
  revision: number;
  objects: KubeObject[];
}

function goLogTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** go-humanize Bytes (SI units), as etcd prints sizes. */
export function humanBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const v = n / 1000 ** e;
  return `${v < 10 ? (Math.floor(v * 10 + 0.5) / 10).toFixed(1) : Math.floor(v + 0.5)} ${units[e]}`;
}

export function parseSnapshot(text: string | undefined): Snapshot | undefined {
  if (!text?.startsWith(MAGIC)) return undefined;
  try {
    return JSON.parse(text.slice(MAGIC.length)) as Snapshot;
  } catch {
    return undefined;
  }
}

interface Flags {
  opts: Map<string, string>;
  args: string[];
}

const VALUE_FLAGS = ['endpoints', 'cacert', 'cert', 'key', 'data-dir', 'write-out', 'w', 'name', 'initial-cluster', 'initial-cluster-token', 'initial-advertise-peer-urls', 'wal-dir', 'command-timeout', 'dial-timeout'];

function parseArgs(argv: string[]): Flags {
  const opts = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      args.push(a);
      continue;
    }
    const [name, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2);
    if (inline !== undefined) opts.set(name, inline);
    else if (VALUE_FLAGS.includes(name) && i + 1 < argv.length) opts.set(name, argv[++i]);
    else opts.set(name, 'true');
  }
  if (opts.has('w')) opts.set('write-out', opts.get('w')!);
  return { opts, args };
}

export function etcdctlCommand(shell: Shell, cluster: Cluster, name: 'etcdctl' | 'etcdutl'): Command {
  return defineCommand(name, async (argv, ctx) => {
    const abs = (p: string) => VirtualFs.normalize(ctx.cwd, p);
    const env = { read: (p: string) => shell.fs.readSync(abs(p)), write: (p: string, c: string) => shell.fs.writeFileSync(abs(p), c), exists: (p: string) => shell.fs.existsSync(abs(p)), list: (p: string) => shell.fs.listSync(abs(p)), nowMs: shell.current().nowMs(), cluster };
    return runEtcdctl(name, argv, env);
  });
}

interface Env {
  read(p: string): string | undefined;
  write(p: string, c: string): void;
  exists(p: string): boolean;
  list(p: string): string[];
  nowMs: number;
  cluster: Cluster;
}

export function runEtcdctl(name: string, argv: string[], env: Env): Result {
  const f = parseArgs(argv);
  const [verb, sub, file] = f.args;
  if (verb === 'version') return { stdout: `${name} version: ${ETCD_VERSION}\nAPI version: 3.5\n`, stderr: '', exitCode: 0 };
  if (verb === 'snapshot' && sub === 'save' && name === 'etcdctl') return save(f, file, env);
  if (verb === 'snapshot' && sub === 'status') return status(name, f, file, env);
  if (verb === 'snapshot' && sub === 'restore') return restore(name, f, file, env);
  if (verb === 'endpoint' && sub === 'health' && name === 'etcdctl') {
    const denied = tlsError(f, env);
    if (denied) return denied;
    return { stdout: '', stderr: `${f.opts.get('endpoints') ?? '127.0.0.1:2379'} is healthy: successfully committed proposal: took = 9.105143ms\n`, exitCode: 0 };
  }
  if (verb === 'member' && sub === 'list' && name === 'etcdctl') {
    const denied = tlsError(f, env);
    if (denied) return denied;
    return { stdout: `8e9e05c52164694d, started, controlplane, https://${controlPlaneIP(env)}:2380, https://${controlPlaneIP(env)}:2379, false\n`, stderr: '', exitCode: 0 };
  }
  if (verb === 'snapshot' && (sub === undefined || !['save', 'status', 'restore'].includes(sub))) {
    return { stdout: '', stderr: `Error: unknown command "${sub ?? ''}" for "${name} snapshot"\n`, exitCode: 1 };
  }
  return { stdout: '', stderr: `Error: unknown command "${verb ?? ''}" for "${name}"\nRun '${name} --help' for usage.\n`, exitCode: 1 };
}

function controlPlaneIP(env: Env): string {
  const pki = (env.cluster.services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
  return pki?.inputs.controlPlaneIP ?? '127.0.0.1';
}

/**
 * The TLS handshake with etcd (--client-cert-auth=true, trusted CA = etcd CA):
 * the client must trust the etcd CA and present a key pair the etcd CA signed.
 * Failures print clientv3's retry warning and `Error: context deadline exceeded`.
 */
/** mustClientCfgFromCmd: the TLS files are read before anything else happens. */
function missingTlsFile(f: Flags, env: Env): Result | undefined {
  for (const flag of ['cacert', 'cert', 'key']) {
    const p = f.opts.get(flag);
    if (p !== undefined && env.read(p) === undefined) return { stdout: '', stderr: `Error: open ${p}: no such file or directory\n`, exitCode: 1 };
  }
  return undefined;
}

function tlsError(f: Flags, env: Env): Result | undefined {
  const missing = missingTlsFile(f, env);
  if (missing) return missing;
  const pki = (env.cluster.services.get(CLUSTER_PKI_SERVICE) as { get(): ClusterPki } | undefined)?.get();
  const endpoint = (f.opts.get('endpoints') ?? '127.0.0.1:2379').split(',')[0];
  let reason: string | undefined;
  // Without a scheme clientv3 dials TLS when TLS flags are given (the kubeadm default 127.0.0.1:2379 works).
  const anyTls = ['cacert', 'cert', 'key'].some((k) => f.opts.has(k));
  if (!/^(https:\/\/)?(127\.0\.0\.1|localhost|[0-9.]+):2379\/?$/.test(endpoint) || (!endpoint.startsWith('https://') && !anyTls)) reason = 'error reading server preface: EOF';
  else if (!pki) reason = undefined;
  else {
    const etcdCa = parseCertificate(pki.pair('etcd/ca').certPem)!;
    const ca = f.opts.get('cacert') ? parseCertificate(env.read(f.opts.get('cacert')!)!) : undefined;
    const cert = f.opts.get('cert') ? parseCertificate(env.read(f.opts.get('cert')!)!) : undefined;
    const key = f.opts.get('key') ? parsePrivateKey(env.read(f.opts.get('key')!)!) : undefined;
    if (!ca || !isSignedBy(parseCertificate(pki.pair('etcd/server').certPem)!, ca)) reason = 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
    else if (!cert || !key) reason = 'remote error: tls: certificate required';
    else if (!keyMatchesCertificate(cert, key)) return { stdout: '', stderr: 'Error: tls: private key does not match public key\n', exitCode: 1 };
    else if (!isSignedBy(cert, etcdCa)) reason = 'remote error: tls: bad certificate';
  }
  if (!reason) return undefined;
  const warn = JSON.stringify({
    level: 'warn', ts: goLogTime(env.nowMs + 5000), logger: 'etcd-client', caller: `v3@v${ETCD_VERSION}/retry_interceptor.go:62`, msg: 'retrying of unary invoker failed',
    target: 'etcd-endpoints://0xc0001c8000/127.0.0.1:2379', attempt: 0,
    error: `rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = "transport: authentication handshake failed: ${reason}"`,
  });
  return { stdout: '', stderr: `${warn}\nError: context deadline exceeded\n`, exitCode: 1 };
}

function save(f: Flags, file: string | undefined, env: Env): Result {
  if (!file) return { stdout: '', stderr: 'Error: snapshot save expects one argument\n', exitCode: 1 };
  const missing = missingTlsFile(f, env);
  if (missing) return missing;
  const ts = goLogTime(env.nowMs);
  const created = JSON.stringify({ level: 'info', ts, caller: 'snapshot/v3_snapshot.go:65', msg: 'created temporary db file', path: `${file}.part` });
  const denied = tlsError(f, env);
  if (denied) return { ...denied, stderr: `${created}\n${denied.stderr}` };
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : '.';
  if (!env.exists(dir)) return { stdout: '', stderr: `Error: could not open ${file}.part (open ${file}.part: no such file or directory)\n`, exitCode: 5 };
  const objects = env.cluster.snapshot();
  const text = MAGIC + JSON.stringify({ revision: env.cluster.store.resourceVersion(), objects });
  env.write(file, text);
  const size = humanBytes(text.length);
  const lines = [
    created,
    JSON.stringify({ level: 'info', ts, logger: 'client', caller: 'v3/maintenance.go:212', msg: 'opened snapshot stream; downloading' }),
    JSON.stringify({ level: 'info', ts, caller: 'snapshot/v3_snapshot.go:73', msg: 'fetching snapshot', endpoint: ENDPOINT }),
    JSON.stringify({ level: 'info', ts, logger: 'client', caller: 'v3/maintenance.go:220', msg: 'completed snapshot read; closing' }),
    JSON.stringify({ level: 'info', ts, caller: 'snapshot/v3_snapshot.go:88', msg: 'fetched snapshot', endpoint: ENDPOINT, size, took: 'now' }),
    JSON.stringify({ level: 'info', ts, caller: 'snapshot/v3_snapshot.go:97', msg: 'saved', path: file }),
  ];
  return { stdout: `Snapshot saved at ${file}\n`, stderr: `${lines.join('\n')}\n`, exitCode: 0 };
}

function readSnapshot(file: string | undefined, env: Env): Snapshot | Result {
  if (!file) return { stdout: '', stderr: 'Error: snapshot status requires exactly one argument\n', exitCode: 1 };
  const text = env.read(file);
  if (text === undefined) return { stdout: '', stderr: `Error: stat ${file}: no such file or directory\n`, exitCode: 1 };
  const snap = parseSnapshot(text);
  if (!snap) return { stdout: '', stderr: 'Error: invalid database\n', exitCode: 1 };
  return snap;
}

const DEPRECATED = (verb: string) => `Deprecated: Use \`etcdutl snapshot ${verb}\` instead.\n\n`;

function status(name: string, f: Flags, file: string | undefined, env: Env): Result {
  const prefix = name === 'etcdctl' ? DEPRECATED('status') : '';
  const snap = readSnapshot(file, env);
  if ('exitCode' in snap) return { ...snap, stderr: prefix + snap.stderr };
  const text = env.read(file!)!;
  const hash = fnv1a32(text).toString(16).padStart(8, '0');
  const keys = snap.objects.length + 8;
  const size = humanBytes(text.length);
  const out = f.opts.get('write-out') ?? 'simple';
  let stdout: string;
  if (out === 'table') {
    const row = [hash, String(snap.revision), String(keys), size];
    const heads = ['HASH', 'REVISION', 'TOTAL KEYS', 'TOTAL SIZE'];
    const w = heads.map((h, i) => Math.max(h.length, row[i].length));
    const line = `+${w.map((n) => '-'.repeat(n + 2)).join('+')}+\n`;
    const center = (s: string, n: number) => {
      const left = Math.floor((n - s.length) / 2);
      return ' '.repeat(left) + s + ' '.repeat(n - s.length - left);
    };
    const cells = (r: string[], fmt: (s: string, i: number) => string) => `|${r.map((c, i) => ` ${fmt(c, i)} `).join('|')}|\n`;
    stdout = line + cells(heads, (h, i) => center(h, w[i])) + line + cells(row, (c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))) + line;
  } else if (out === 'json') {
    stdout = `${JSON.stringify({ hash: parseInt(hash, 16), revision: snap.revision, totalKey: keys, totalSize: text.length })}\n`;
  } else stdout = `${hash}, ${snap.revision}, ${keys}, ${size}\n`;
  return { stdout, stderr: prefix, exitCode: 0 };
}

function restore(name: string, f: Flags, file: string | undefined, env: Env): Result {
  const prefix = name === 'etcdctl' ? DEPRECATED('restore') : '';
  const snap = readSnapshot(file, env);
  if ('exitCode' in snap) return { ...snap, stderr: prefix + snap.stderr };
  const dataDir = f.opts.get('data-dir') ?? 'default.etcd';
  if (env.exists(dataDir) && env.list(dataDir).length > 0) {
    return { stdout: '', stderr: `${prefix}Error: data-dir "${dataDir}" not empty or could not be read\n`, exitCode: 1 };
  }
  env.write(`${dataDir}/member/snap/db`, env.read(file!)!);
  env.write(`${dataDir}/member/wal/0000000000000000-0000000000000000.wal`, '');
  const t = new Date(env.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fields = `{"path": "${file}", "wal-dir": "${dataDir}/member/wal", "data-dir": "${dataDir}", "snap-dir": "${dataDir}/member/snap", "initial-memory-map-size": 10737418240}`;
  const log = [
    `${t}\tinfo\tsnapshot/v3_snapshot.go:265\trestoring snapshot\t${fields}`,
    `${t}\tinfo\tmembership/store.go:141\tTrimming membership information from the backend...`,
    `${t}\tinfo\tmembership/cluster.go:421\tadded member\t{"cluster-id": "cdf818194e3a8c32", "local-member-id": "0", "added-peer-id": "8e9e05c52164694d", "added-peer-peer-urls": ["http://localhost:2380"]}`,
    `${t}\tinfo\tsnapshot/v3_snapshot.go:293\trestored snapshot\t${fields}`,
  ];
  return { stdout: '', stderr: `${prefix}${log.join('\n')}\n`, exitCode: 0 };
}

/**
 * The kubelet's view of /etc/kubernetes/manifests/etcd.yaml after each command
 * line: when the `etcd-data` hostPath moves to a directory holding a restored
 * snapshot, etcd restarts on it and the store becomes the snapshot's objects.
 */
function etcdDataDir(manifest: string): string | undefined {
  try {
    const pod = parse(manifest) as KubeObject;
    return (pod?.spec?.volumes ?? []).find((v: { name?: string }) => v.name === 'etcd-data')?.hostPath?.path;
  } catch {
    return undefined;
  }
}

export function etcdRestoreWatcher(shell: Shell, cluster: Cluster): () => void {
  let applied = '/var/lib/etcd';
  // The manifest's data dir, parsed again only when its text changed (a YAML parse after every
  // command line was ~12% of a 30-command replay).
  let parsedText: string | undefined;
  let parsedDir: string | undefined;
  return () => {
    const text = shell.fs.readSync('/etc/kubernetes/manifests/etcd.yaml');
    if (text === undefined) return;
    if (text !== parsedText) {
      parsedText = text;
      parsedDir = etcdDataDir(text);
    }
    const dir = parsedDir;
    if (!dir || dir === applied) return;
    const snap = parseSnapshot(shell.fs.readSync(`${dir.replace(/\/$/, '')}/member/snap/db`));
    if (!snap) return;
    applied = dir;
    cluster.store.restoreObjects(snap.objects);
    cluster.step();
  };
}
