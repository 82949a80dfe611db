/**
 * `kubectl rollout status|history|undo|pause|resume|restart` (kubectl/pkg/cmd/rollout).
 * status streams one line per change of the object on virtual time (rollout_status.go).
 */
import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import { resourceKey } from '../../api/store';
import type { CommandContext, CommandSpec } from '../types';
import { Interrupted, KubectlError } from '../types';
import { flagBool, flagInt, flagString, parseDurationMs } from '../args';
import { qualifiedName } from '../output';
import { TabWriter } from '../printers/tabwriter';
import { PrefixWriter } from '../describe/writer';
import { describePodTemplate } from '../describe/pod-template';
import { deploymentRevisions, rollbackTo } from '../../controllers/deployment/rollback';
import { durationMs, resolveTypes } from './get/requests';
import { INTERRUPTED_EXIT } from './get/watch';
import { rolloutStatus } from './rollout/status-viewer';

/** The single TYPE/NAME or TYPE NAME argument of rollout subcommands. */
function target(ctx: CommandContext): { def: KindDef; obj: KubeObject } {
  const args = ctx.flags.args;
  if (args.length === 0) throw new KubectlError('required resource not specified');
  let type: string, name: string;
  if (args[0].includes('/')) [type, name] = args[0].split('/', 2);
  else {
    if (args.length < 2) throw new KubectlError('required resource not specified');
    [type, name] = args;
  }
  const def = resolveTypes(ctx, type)[0];
  return { def, obj: ctx.api.get(def, ctx.namespace, name) };
}

const MAX_POLLS = 24 * 3600;

const status: CommandSpec = {
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Show the status of the rollout',
  flags: [],
  async run(ctx) {
    const { def, obj } = target(ctx);
    let s = rolloutStatus(obj, flagInt(ctx.flags, 'revision'));
    ctx.io.out(s.message);
    if (s.done || ctx.flags.values.watch === false) return 0;
    const timeoutMs = durationMs(ctx, 'timeout', 0);
    const changes: KubeObject[] = [];
    const stop = ctx.host.cluster.store.watch((e) => {
      if (e.object.metadata.name === obj.metadata.name) changes.push(e.object);
    }, { resource: resourceKey(def), namespace: obj.metadata.namespace });
    let waitedMs = 0;
    try {
      for (let i = 0; i < MAX_POLLS; i++) {
        await ctx.host.sleep(1000);
        waitedMs += 1000;
        for (const o of changes.splice(0)) {
          if (!o.metadata.deletionTimestamp && ctx.host.cluster.store.peek(resourceKey(def), o.metadata.namespace ?? '', o.metadata.name!) === undefined) throw new KubectlError('object has been deleted');
          s = rolloutStatus(o);
          ctx.io.out(s.message);
          if (s.done) return 0;
        }
        if (timeoutMs > 0 && waitedMs >= timeoutMs) throw new KubectlError('timed out waiting for the condition');
        if (ctx.host.interrupted()) return INTERRUPTED_EXIT;
      }
    } catch (e) {
      if (e instanceof Interrupted) return INTERRUPTED_EXIT;
      throw e;
    } finally {
      stop();
    }
    return 0;
  },
};

const history: CommandSpec = {
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  short: 'View rollout history',
  flags: [],
  run(ctx) {
    const { obj } = target(ctx);
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(obj.kind)) throw new KubectlError(`no history viewer has been implemented for ${obj.kind}`);
    const revs = obj.kind === 'Deployment' ? deploymentRevisions(ctx.api, obj) : controllerRevisions(ctx, obj);
    if (revs.length === 0 && obj.kind !== 'Deployment') {
      ctx.io.out(`${qualifiedName(obj)} \nNo rollout history found.\n`);
      return 0;
    }
    const want = flagInt(ctx.flags, 'revision');
    if (want > 0) {
      const r = revs.find((x) => x.revision === want);
      if (!r) throw new KubectlError(`unable to find the specified revision`);
      const w = new PrefixWriter(true);
      describePodTemplate(w, r.template);
      ctx.io.out(`${qualifiedName(obj)} with revision #${want}\n${w.toString()}\n`);
      return 0;
    }
    const tw = new TabWriter(0, 8, 2);
    tw.write('REVISION\tCHANGE-CAUSE\n');
    for (const r of revs) tw.write(`${r.revision}\t${r.changeCause || '<none>'}\n`);
    ctx.io.out(`${qualifiedName(obj)} \n${tw.flush()}\n`);
    return 0;
  },
};

/**
 * history.go statefulSetHistory / daemonSetHistory: the ControllerRevisions the object controls,
 * by revision; a revision's template is the one its data (a `$patch: replace` template) carries.
 */
function controllerRevisions(ctx: CommandContext, obj: KubeObject): { revision: number; changeCause?: string; template: KubeObject['spec'] }[] {
  const def = ctx.host.cluster.registry.forResource('controllerrevisions', 'apps')!;
  const owned = ctx.api
    .list(def, { namespace: obj.metadata.namespace })
    .items.filter((r) => (r.metadata.ownerReferences ?? []).some((o: { controller?: boolean; uid?: string }) => o.controller && o.uid === obj.metadata.uid));
  return owned
    .map((r) => {
      const { $patch: _p, ...template } = (r.data as { spec?: { template?: Record<string, unknown> } })?.spec?.template ?? {};
      return { revision: Number(r.revision ?? 0), changeCause: r.metadata.annotations?.['kubernetes.io/change-cause'], template };
    })
    .sort((a, b) => a.revision - b.revision);
}

const undo: CommandSpec = {
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Undo a previous rollout',
  flags: [],
  run(ctx) {
    const { obj } = target(ctx);
    if (obj.kind !== 'Deployment') throw new KubectlError(`no rollbacker has been implemented for "${obj.kind}"`);
    const r = rollbackTo(ctx.api, obj, flagInt(ctx.flags, 'to-revision'));
    if (!r.ok) throw new KubectlError(r.error);
    ctx.io.out(`${qualifiedName(obj)} ${r.message}\n`);
    return 0;
  },
};

function pauseResume(paused: boolean): CommandSpec {
  return {
    use: `${paused ? 'pause' : 'resume'} RESOURCE`,
    short: paused ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    flags: [],
    run(ctx) {
      const { def, obj } = target(ctx);
      if (obj.kind !== 'Deployment') throw new KubectlError(`${paused ? 'pausing' : 'resuming'} is not supported`);
      const gr = `${def.resource}${def.group ? `.${def.group}` : ''}`;
      if (!!obj.spec?.paused === paused) throw new KubectlError(`${gr} ${JSON.stringify(obj.metadata.name)} ${paused ? 'is already paused' : 'is not paused'}`);
      ctx.api.patch(def, ctx.namespace, obj.metadata.name!, 'merge', { spec: { paused: paused ? true : null } });
      ctx.io.out(`${qualifiedName(obj)} ${paused ? 'paused' : 'resumed'}\n`);
      return 0;
    },
  };
}

const restart: CommandSpec = {
  use: 'restart RESOURCE',
  short: 'Restart a resource',
  flags: [],
  run(ctx) {
    const { def, obj } = target(ctx);
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) throw new KubectlError(`restarting is not supported`);
    const gr = `${def.resource}${def.group ? `.${def.group}` : ''}`;
    if (obj.spec?.paused) throw new KubectlError(`${gr} ${JSON.stringify(obj.metadata.name)} can't restart paused deployment (run rollout resume first)`);
    const now = ctx.host.cluster.clock.nowRfc3339();
    ctx.api.patch(def, ctx.namespace, obj.metadata.name!, 'merge', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': now } } } } });
    ctx.io.out(`${qualifiedName(obj)} restarted\n`);
    return 0;
  },
};

export const rollout: CommandSpec = {
  use: 'rollout SUBCOMMAND',
  short: 'Manage the rollout of a resource',
  flags: [],
  subcommands: [history, pauseResume(true), restart, pauseResume(false), status, undo],
};

void flagBool;
