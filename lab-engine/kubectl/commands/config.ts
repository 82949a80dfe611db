/**
 * `kubectl config` read/write of the session's kubeconfig
 * (kubectl/pkg/cmd/config): view (--minify, --raw, --flatten, -o),
 * get-contexts, get-clusters, get-users, current-context, use-context,
 * set-context, set-cluster, set-credentials, set, unset, delete-context,
 * delete-cluster, delete-user, rename-context. Messages recorded from the real
 * kubectl v1.32.4 run offline against a kubeconfig file.
 */
import type { CommandContext, CommandSpec, KubeconfigState } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { printJsonPath, toJson, toYaml } from '../output';
import { TabWriter } from '../printers/tabwriter';
import { encodeBase64 } from '../../api/base64';
import { helpText } from '../help/flags-from-help';
import { configSet, configUnset } from './config-set';

/** The kubeconfig as `config view` serialises it (clientcmd v1 Config). */
export function kubeconfigDocument(cfg: KubeconfigState, opts: { minify: boolean; raw: boolean }): Record<string, unknown> {
  const omit = (v: string | undefined, redact: string) => (v === undefined ? undefined : opts.raw ? v : redact);
  let contexts = cfg.contexts;
  let clusters = cfg.clusters;
  let users = cfg.users;
  if (opts.minify) {
    const cur = cfg.contexts.find((c) => c.name === cfg.currentContext);
    if (!cfg.currentContext || !cur) throw new KubectlError('current-context must exist in order to minify');
    if (!cfg.clusters.some((c) => c.name === cur.cluster)) throw new KubectlError(`cannot locate cluster ${cur.cluster}`);
    contexts = [cur];
    clusters = cfg.clusters.filter((c) => c.name === cur.cluster);
    users = cfg.users.filter((u) => u.name === cur.user);
  }
  const byName = <T extends { name: string }>(l: T[]) => [...l].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const list = <T>(l: T[]) => (l.length ? l : null);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: list(byName(clusters).map((c) => ({ name: c.name, cluster: clean({ server: c.server || KEEP, 'certificate-authority': c.certificateAuthority, 'certificate-authority-data': omit(c.certificateAuthorityData, 'DATA+OMITTED'), 'insecure-skip-tls-verify': c.insecureSkipTlsVerify, 'tls-server-name': c.tlsServerName, 'proxy-url': c.proxyUrl }) }))),
    users: list(byName(users).map((u) => ({
      name: u.name,
      user: clean({
        'client-certificate': u.clientCertificate, 'client-certificate-data': omit(u.clientCertificateData, 'DATA+OMITTED'), 'client-key': u.clientKey,
        'client-key-data': omit(u.clientKeyData, 'DATA+OMITTED'), token: omit(u.token, 'REDACTED'), tokenFile: u.tokenFile, username: u.username, password: omit(u.password, 'REDACTED'),
      }),
    }))),
    contexts: list(byName(contexts).map((c) => ({ name: c.name, context: clean({ cluster: c.cluster || KEEP, user: c.user || KEEP, namespace: c.namespace }) }))),
    'current-context': cfg.currentContext,
  };
}

/** A field clientcmd's v1 types serialise without omitempty (cluster.server, context.cluster/user): kept as "". */
const KEEP = '\u0000keep';

function clean(o: Record<string, string | boolean | undefined>): Record<string, string | boolean> {
  const kept = Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== false);
  return Object.fromEntries(kept.map(([k, v]) => [k, v === KEEP ? '' : v])) as Record<string, string | boolean>;
}

/** The kubeconfig file this command uses (for messages and relative paths). */
function configFile(ctx: CommandContext): string {
  return flagString(ctx.flags, 'kubeconfig') || ctx.host.kubeconfigPath?.() || '/root/.kube/config';
}

function configDir(ctx: CommandContext): string {
  const f = configFile(ctx);
  const abs = f.startsWith('/') ? f : `${ctx.host.cwd().replace(/\/$/, '')}/${f}`;
  return abs.replace(/\/[^/]*$/, '') || '/';
}

function absPath(ctx: CommandContext, p: string): string {
  if (p.startsWith('/')) return normalize(p);
  if (p === '~' || p.startsWith('~/')) return normalize(`/root/${p.slice(2)}`);
  return normalize(`${ctx.host.cwd()}/${p}`);
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** clientcmd RelativizeAuthInfoLocalPaths: file paths are written relative to the kubeconfig's directory. */
function relativeTo(dir: string, abs: string): string {
  const from = dir.split('/').filter(Boolean);
  const to = abs.split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/') || '.';
}

/** Reads a file for --embed-certs / --flatten, with kubectl's stat error. */
function readForEmbed(ctx: CommandContext, given: string, what: string): string {
  const text = ctx.host.readFile(absPath(ctx, given));
  if (text === undefined) throw new KubectlError(`could not stat ${what} file ${given}: stat ${given}: no such file or directory`);
  return encodeBase64(text);
}

const view: CommandSpec = {
  use: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [],
  run(ctx) {
    const cfg = flagBool(ctx.flags, 'flatten') ? flatten(ctx, ctx.host.kubeconfig) : ctx.host.kubeconfig;
    const doc = kubeconfigDocument(cfg, { minify: flagBool(ctx.flags, 'minify'), raw: flagBool(ctx.flags, 'raw') || flagBool(ctx.flags, 'flatten') });
    const o = flagString(ctx.flags, 'output') || 'yaml';
    if (o === 'yaml') ctx.io.out(toYaml(doc));
    else if (o === 'json') ctx.io.out(toJson(doc, { sortKeys: false }));
    else if (o.startsWith('jsonpath=')) ctx.io.out(printJsonPath(o.slice('jsonpath='.length), JSON.parse(JSON.stringify(doc))));
    else throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: json,jsonpath,yaml`);
    return 0;
  },
};

/** clientcmdapi.FlattenConfig: file references become embedded data. */
function flatten(ctx: CommandContext, cfg: KubeconfigState): KubeconfigState {
  const dir = configDir(ctx);
  const rel = (p: string) => (p.startsWith('/') ? p : `${dir}/${p}`);
  const copy: KubeconfigState = JSON.parse(JSON.stringify(cfg));
  for (const c of copy.clusters) {
    if (c.certificateAuthority) {
      c.certificateAuthorityData = readForEmbed(ctx, rel(c.certificateAuthority), 'certificate-authority');
      delete c.certificateAuthority;
    }
  }
  for (const u of copy.users) {
    if (u.clientCertificate) {
      u.clientCertificateData = readForEmbed(ctx, rel(u.clientCertificate), 'client-certificate');
      delete u.clientCertificate;
    }
    if (u.clientKey) {
      u.clientKeyData = readForEmbed(ctx, rel(u.clientKey), 'client-key');
      delete u.clientKey;
    }
  }
  return copy;
}

const getContexts: CommandSpec = {
  use: 'get-contexts [(-o|--output=)name)]',
  short: 'Describe one or many contexts',
  flags: [],
  run(ctx) {
    const cfg = ctx.host.kubeconfig;
    const wanted = ctx.flags.args;
    const missing = wanted.filter((n) => !cfg.contexts.some((c) => c.name === n));
    const list = cfg.contexts.filter((c) => wanted.length === 0 || wanted.includes(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (flagString(ctx.flags, 'output') === 'name') {
      ctx.io.out(list.map((c) => `${c.name}\n`).join(''));
    } else {
      const w = new TabWriter(6, 4, 3);
      if (!flagBool(ctx.flags, 'no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const c of list) w.write(`${c.name === cfg.currentContext ? '*' : ''}\t${c.name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}\n`);
      ctx.io.out(w.flush());
    }
    if (missing.length > 0) throw new KubectlError(`context ${missing[0]} not found`);
    return 0;
  },
};

const currentContext: CommandSpec = {
  use: 'current-context',
  short: 'Display the current-context',
  flags: [],
  run(ctx) {
    if (!ctx.host.kubeconfig.currentContext) throw new KubectlError('current-context is not set');
    ctx.io.out(`${ctx.host.kubeconfig.currentContext}\n`);
    return 0;
  },
};

const useContext: CommandSpec = {
  use: 'use-context CONTEXT_NAME',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  flags: [],
  run(ctx) {
    const name = ctx.flags.args[0];
    if (!name) throw new KubectlError('empty context names are not allowed');
    if (!ctx.host.kubeconfig.contexts.some((c) => c.name === name)) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`);
    ctx.host.kubeconfig.currentContext = name;
    ctx.io.out(`Switched to context ${JSON.stringify(name)}.\n`);
    return 0;
  },
};

const setContext: CommandSpec = {
  use: 'set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  short: 'Set a context entry in kubeconfig',
  flags: [],
  run(ctx) {
    const cfg = ctx.host.kubeconfig;
    const current = flagBool(ctx.flags, 'current');
    const name = current ? cfg.currentContext : ctx.flags.args[0];
    if (current && ctx.flags.args.length > 0) throw new KubectlError('you cannot specify both a context name and --current');
    if (!name) throw new KubectlError(current ? 'no current context is set' : 'you must specify a non-empty context name or --current');
    let c = cfg.contexts.find((x) => x.name === name);
    const existed = !!c;
    if (!c) {
      c = { name, cluster: '', user: '' };
      cfg.contexts.push(c);
    }
    if (ctx.flags.changed.has('namespace')) c.namespace = flagString(ctx.flags, 'namespace');
    if (ctx.flags.changed.has('cluster')) c.cluster = flagString(ctx.flags, 'cluster');
    if (ctx.flags.changed.has('user')) c.user = flagString(ctx.flags, 'user');
    ctx.io.out(`Context ${JSON.stringify(name)} ${existed ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

/** The help text on stdout and `error: unexpected args: [...]` (the NAME-taking set-* commands without NAME). */
function requireName(ctx: CommandContext, sub: string): string {
  const name = ctx.flags.args[0];
  if (name && ctx.flags.args.length === 1) return name;
  ctx.io.out(helpText(`config ${sub}`) ?? '');
  throw new KubectlError(`unexpected args: [${ctx.flags.args.join(' ')}]`);
}

const setCluster: CommandSpec = {
  use: 'set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  short: 'Set a cluster entry in kubeconfig',
  flags: [],
  run(ctx) {
    const name = requireName(ctx, 'set-cluster');
    const f = ctx.flags;
    const insecure = f.changed.has('insecure-skip-tls-verify') && flagBool(f, 'insecure-skip-tls-verify');
    if (insecure && f.changed.has('certificate-authority')) throw new KubectlError('you cannot specify a certificate authority and insecure mode at the same time');
    const cfg = ctx.host.kubeconfig;
    const embedded = f.changed.has('certificate-authority') && flagBool(f, 'embed-certs') ? readForEmbed(ctx, flagString(f, 'certificate-authority'), 'certificate-authority') : undefined;
    let c = cfg.clusters.find((x) => x.name === name);
    if (!c) {
      c = { name, server: '' };
      cfg.clusters.push(c);
    }
    if (f.changed.has('server')) c.server = flagString(f, 'server');
    if (f.changed.has('tls-server-name')) c.tlsServerName = flagString(f, 'tls-server-name');
    if (f.changed.has('proxy-url')) c.proxyUrl = flagString(f, 'proxy-url');
    // set_cluster.go modifyCluster applies the tristate's value on every call: omitting the flag clears it.
    c.insecureSkipTlsVerify = insecure;
    if (insecure) {
      delete c.certificateAuthority;
      delete c.certificateAuthorityData;
    }
    if (f.changed.has('certificate-authority')) {
      const given = flagString(f, 'certificate-authority');
      if (embedded !== undefined) {
        c.certificateAuthorityData = embedded;
        delete c.certificateAuthority;
      } else {
        c.certificateAuthority = relativeTo(configDir(ctx), absPath(ctx, given));
        delete c.certificateAuthorityData;
      }
      delete c.insecureSkipTlsVerify;
    }
    ctx.io.out(`Cluster ${JSON.stringify(name)} set.\n`);
    return 0;
  },
};

const setCredentials: CommandSpec = {
  use: 'set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password]',
  short: 'Set a user entry in kubeconfig',
  flags: [],
  run(ctx) {
    const name = requireName(ctx, 'set-credentials');
    const f = ctx.flags;
    const cfg = ctx.host.kubeconfig;
    const embed = flagBool(f, 'embed-certs');
    const existing = cfg.users.find((x) => x.name === name);
    const u = existing ? { ...existing } : { name };
    for (const [flag, pathKey, dataKey, what] of [['client-certificate', 'clientCertificate', 'clientCertificateData', 'client-certificate'], ['client-key', 'clientKey', 'clientKeyData', 'client-key']] as const) {
      if (!f.changed.has(flag)) continue;
      const given = flagString(f, flag);
      if (embed) {
        u[dataKey] = readForEmbed(ctx, given, what);
        delete u[pathKey];
      } else {
        u[pathKey] = relativeTo(configDir(ctx), absPath(ctx, given));
        delete u[dataKey];
      }
    }
    if (f.changed.has('token')) u.token = flagString(f, 'token');
    if (f.changed.has('username')) u.username = flagString(f, 'username');
    if (f.changed.has('password')) u.password = flagString(f, 'password');
    if (u.token && (u.username || u.password)) {
      throw new KubectlError(`you cannot specify more than one authentication method at the same time: --token, --username/--password`);
    }
    if (existing) Object.assign(existing, u);
    else cfg.users.push(u);
    ctx.io.out(`User ${JSON.stringify(name)} set.\n`);
    return 0;
  },
};

const getClusters: CommandSpec = {
  use: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  flags: [],
  run(ctx) {
    ctx.io.out(`NAME\n${ctx.host.kubeconfig.clusters.map((c) => `${c.name}\n`).join('')}`);
    return 0;
  },
};

const getUsers: CommandSpec = {
  use: 'get-users',
  short: 'Display users defined in the kubeconfig',
  flags: [],
  run(ctx) {
    const names = ctx.host.kubeconfig.users.map((u) => u.name).sort();
    ctx.io.out(`NAME\n${names.map((n) => `${n}\n`).join('')}`);
    return 0;
  },
};

/** delete-context / delete-cluster / delete-user: help on stdout without a NAME (exit 0), kubectl's messages. */
function deleteEntry(kind: 'context' | 'cluster' | 'user'): CommandSpec {
  return {
    use: `delete-${kind} NAME`,
    short: `Delete the specified ${kind} from the kubeconfig`,
    flags: [],
    run(ctx) {
      const name = ctx.flags.args[0];
      if (!name) {
        ctx.io.out(helpText(`config delete-${kind}`) ?? '');
        return 0;
      }
      const cfg = ctx.host.kubeconfig;
      const file = configFile(ctx);
      const list = (kind === 'context' ? cfg.contexts : kind === 'cluster' ? cfg.clusters : cfg.users) as { name: string }[];
      const i = list.findIndex((x) => x.name === name);
      if (i < 0) throw new KubectlError(`cannot delete ${kind} ${name}, not in ${file}`);
      list.splice(i, 1);
      if (kind === 'context' && cfg.currentContext === name) ctx.io.out('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      ctx.io.out(`deleted ${kind} ${name} from ${file}\n`);
      return 0;
    },
  };
}

const renameContext: CommandSpec = {
  use: 'rename-context CONTEXT_NAME NEW_NAME',
  short: 'Rename a context from the kubeconfig file',
  flags: [],
  run(ctx) {
    const [from, to] = ctx.flags.args;
    if (ctx.flags.args.length !== 2) {
      ctx.io.out(helpText('config rename-context') ?? '');
      throw new KubectlError('Unexpected args: [' + ctx.flags.args.join(' ') + ']');
    }
    const cfg = ctx.host.kubeconfig;
    const file = configFile(ctx);
    const c = cfg.contexts.find((x) => x.name === from);
    if (!c) throw new KubectlError(`cannot rename the context ${JSON.stringify(from)}, it's not in ${file}`);
    if (cfg.contexts.some((x) => x.name === to)) throw new KubectlError(`cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${file}`);
    c.name = to;
    if (cfg.currentContext === from) cfg.currentContext = to;
    ctx.io.out(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
    return 0;
  },
};

const set: CommandSpec = {
  use: 'set PROPERTY_NAME PROPERTY_VALUE',
  short: 'Set an individual value in a kubeconfig file',
  flags: [],
  run(ctx) {
    const [prop, value] = ctx.flags.args;
    if (ctx.flags.args.length !== 2) {
      ctx.io.out(helpText('config set') ?? '');
      throw new KubectlError(`unexpected args: [${ctx.flags.args.join(' ')}]`);
    }
    configSet(ctx.host.kubeconfig, prop, flagBool(ctx.flags, 'set-raw-bytes') ? value : value);
    ctx.io.out(`Property ${JSON.stringify(prop)} set.\n`);
    return 0;
  },
};

const unset: CommandSpec = {
  use: 'unset PROPERTY_NAME',
  short: 'Unset an individual value in a kubeconfig file',
  flags: [],
  run(ctx) {
    const [prop] = ctx.flags.args;
    if (ctx.flags.args.length !== 1) {
      ctx.io.out(helpText('config unset') ?? '');
      throw new KubectlError(`unexpected args: [${ctx.flags.args.join(' ')}]`);
    }
    configUnset(ctx.host.kubeconfig, prop);
    ctx.io.out(`Property ${JSON.stringify(prop)} unset.\n`);
    return 0;
  },
};

export const config: CommandSpec = {
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files',
  flags: [],
  subcommands: [
    currentContext, deleteEntry('cluster'), deleteEntry('context'), deleteEntry('user'), getClusters, getContexts, getUsers,
    renameContext, set, setCluster, setContext, setCredentials, unset, useContext, view,
  ],
};
