/**
 * `kubectl config` read/write of the session's kubeconfig
 * (kubectl/pkg/cmd/config): view (--minify, --raw, -o), get-contexts,
 * current-context, use-context, set-context, get-clusters, get-users.
 */
import type { CommandContext, CommandSpec, KubeconfigState } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { printJsonPath, toJson, toYaml } from '../output';
import { TabWriter } from '../printers/tabwriter';

/** The kubeconfig as `config view` serialises it (clientcmd v1 Config, struct field order for JSON). */
export function kubeconfigDocument(cfg: KubeconfigState, opts: { minify: boolean; raw: boolean }): Record<string, unknown> {
  const omit = (v: string | undefined, redact: string) => (v === undefined ? undefined : opts.raw ? v : redact);
  let contexts = cfg.contexts;
  let clusters = cfg.clusters;
  let users = cfg.users;
  if (opts.minify) {
    const cur = cfg.contexts.find((c) => c.name === cfg.currentContext);
    if (!cur) throw new KubectlError('current-context must exist in order to minify');
    contexts = [cur];
    clusters = cfg.clusters.filter((c) => c.name === cur.cluster);
    users = cfg.users.filter((u) => u.name === cur.user);
  }
  const byName = <T extends { name: string }>(l: T[]) => [...l].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  clusters = byName(clusters);
  users = byName(users);
  contexts = byName(contexts);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: clusters.map((c) => ({ name: c.name, cluster: clean({ server: c.server, 'certificate-authority-data': omit(c.certificateAuthorityData, 'DATA+OMITTED') }) })),
    users: users.map((u) => ({ name: u.name, user: clean({ 'client-certificate-data': omit(u.clientCertificateData, 'DATA+OMITTED'), 'client-key-data': omit(u.clientKeyData, 'DATA+OMITTED'), token: omit(u.token, 'REDACTED') }) })),
    contexts: contexts.map((c) => ({ name: c.name, context: clean({ cluster: c.cluster, user: c.user, namespace: c.namespace }) })),
    'current-context': cfg.currentContext,
  };
}

function clean(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

const view: CommandSpec = {
  use: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [],
  run(ctx) {
    const doc = kubeconfigDocument(ctx.host.kubeconfig, { minify: flagBool(ctx.flags, 'minify'), raw: flagBool(ctx.flags, 'raw') });
    const o = flagString(ctx.flags, 'output') || 'yaml';
    if (o === 'yaml') ctx.io.out(toYaml(doc));
    else if (o === 'json') ctx.io.out(toJson(doc, { sortKeys: false }));
    else if (o.startsWith('jsonpath=')) ctx.io.out(printJsonPath(o.slice('jsonpath='.length), JSON.parse(JSON.stringify(doc))));
    else throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: json,jsonpath,yaml`);
    return 0;
  },
};

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
    ctx.io.out(`NAME\n${ctx.host.kubeconfig.users.map((u) => `${u.name}\n`).join('')}`);
    return 0;
  },
};

export const config: CommandSpec = {
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files',
  flags: [],
  subcommands: [currentContext, getClusters, getContexts, getUsers, setContext, useContext, view],
};
