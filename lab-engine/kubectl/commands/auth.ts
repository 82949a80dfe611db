/**
 * `kubectl auth can-i` (kubectl/pkg/cmd/auth/cani.go) and `auth whoami`, over
 * the RBAC service (`ctx.services.get('rbac')`: canI / rulesFor).
 */
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import type { RbacService } from '../../security/rbac';
import { flagBool, flagString } from '../args';
import { TabWriter } from '../printers/tabwriter';
import { breakdown, combineResourceGroup, compact, ruleString } from '../describe/rbac';
import { ExitError } from '../check-err';

function rbac(ctx: CommandContext): RbacService | undefined {
  return ctx.host.cluster.services.get('rbac') as RbacService | undefined;
}

const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

const canI: CommandSpec = {
  use: 'can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  short: 'Check whether an action is allowed',
  flags: [],
  run(ctx) {
    const svc = rbac(ctx);
    const user = ctx.api.user;
    const all = flagBool(ctx.flags, 'all-namespaces');
    const namespace = all ? '' : ctx.namespace;
    if (flagBool(ctx.flags, 'list')) return listRules(ctx, svc, namespace);
    const args = ctx.flags.args;
    if (args.length < 2) throw new KubectlError('you must specify two arguments: verb resource or verb resource/resourceName.');
    const [verb, res, maybeName] = args;
    // cani.go Complete: warns about verbs outside the known resource / non-resource sets
    const known = res.startsWith('/') ? ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'] : ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', 'escalate', 'approve', 'sign', '*'];
    const verbWarning = known.includes(verb) ? '' : `Warning: verb '${verb}' is not a known verb\n\n`;
    let allowed = true;
    let reason = '';
    if (res.startsWith('/')) {
      ctx.io.err(verbWarning);
      const r = svc?.canI(user, { verb, path: res });
      allowed = r?.allowed ?? true;
      reason = r?.reason ?? '';
    } else {
      const [type, slashName] = res.split('/', 2);
      let group = '', resource = type;
      const def = type === '*' ? undefined : ctx.host.cluster.registry.resolve(type);
      if (def) {
        group = def.group;
        resource = def.resource;
        ctx.io.err(verbWarning);
        // cani.go Validate: a cluster-scoped resource checked without --all-namespaces
        if (!def.namespaced && !all) ctx.io.err(`Warning: resource '${resource}' is not namespace scoped${group ? ` in group '${group}'` : ''}\n\n`);
      } else if (type !== '*') {
        const dot = type.indexOf('.');
        if (dot > 0) [resource, group] = [type.slice(0, dot), type.slice(dot + 1)];
        ctx.io.err(`Warning: the server doesn't have a resource type '${type}'\n\n`);
        ctx.io.err(verbWarning);
      } else ctx.io.err(verbWarning);
      const r = svc?.canI(user, { verb, group, resource, subresource: flagString(ctx.flags, 'subresource') || undefined, namespace: def && !def.namespaced ? undefined : namespace || undefined, name: slashName ?? maybeName });
      allowed = r?.allowed ?? true;
      reason = r?.reason ?? '';
    }
    if (!flagBool(ctx.flags, 'quiet')) ctx.io.out(allowed ? 'yes\n' : `no${reason ? ` - ${reason}` : ''}\n`);
    if (!allowed) throw new ExitError(1);
    return 0;
  },
};

function listRules(ctx: CommandContext, svc: RbacService | undefined, namespace: string): number {
  const status = svc?.rulesFor(ctx.api.user, namespace) ?? { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false };
  const rules = [
    ...status.resourceRules.map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
    ...status.nonResourceRules.map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const compacted = compact(rules.flatMap(breakdown)).map((r) => ({ r, k: ruleString(r) }));
  compacted.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const w = new TabWriter(6, 4, 3);
  if (!flagBool(ctx.flags, 'no-headers')) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  for (const { r } of compacted) w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  ctx.io.out(w.flush());
  return 0;
}

const whoami: CommandSpec = {
  use: 'whoami',
  short: 'Experimental: Check self subject attributes',
  flags: [],
  run(ctx) {
    const user = ctx.api.user;
    const o = flagString(ctx.flags, 'output');
    if (o) throw new KubectlError(`unable to match a printer suitable for the output format "${o}"`);
    const w = new TabWriter(6, 4, 3);
    w.write('ATTRIBUTE\tVALUE\n');
    w.write(`Username\t${user.username}\n`);
    if (user.groups.length > 0) w.write(`Groups\t[${user.groups.join(' ')}]\n`);
    ctx.io.out(w.flush());
    return 0;
  },
};

export const auth: CommandSpec = {
  use: 'auth',
  short: 'Inspect authorization',
  flags: [],
  subcommands: [canI, whoami],
};
