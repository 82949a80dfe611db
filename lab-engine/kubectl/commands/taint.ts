import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { AggregateError } from '../check-err';
import { checkOutputFormat, dryRunStrategy, printResult } from '../flags';
import { selectObjects } from '../resource-builder';
import { splitResourcesAndPairs } from './metadata-pairs';
import { usageError } from './create/common';

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** `kubectl taint` (kubectl/pkg/cmd/taint/taint.go). */
export const taint: CommandSpec = {
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  short: 'Update the taints on one or more nodes',
  flags: [],
  run: runTaint,
};

/** taints.ParseTaints: `key[=value]:Effect` to add, `key[:Effect]-` to remove. */
function parseTaints(ctx: CommandContext, specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [kv, effect = ''] = body.split(':');
      if (effect && !EFFECTS.includes(effect)) throw usageError(ctx, `invalid taint effect: ${effect}, unsupported taint effect`);
      remove.push({ key: kv.split('=')[0], effect });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) throw usageError(ctx, `invalid taint spec: ${spec}, invalid taint effect`);
    const effect = spec.slice(colon + 1);
    if (!EFFECTS.includes(effect)) throw usageError(ctx, `invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = spec.slice(0, colon);
    const eq = kv.indexOf('=');
    const t = { key: eq < 0 ? kv : kv.slice(0, eq) } as Taint;
    if (eq >= 0 && kv.slice(eq + 1)) t.value = kv.slice(eq + 1);
    t.effect = effect;
    if (effect === 'NoExecute') t.timeAdded = ctx.host.cluster.clock.nowRfc3339();
    add.push(t as Taint);
  }
  return { add, remove };
}

function taintString(t: Taint): string {
  if (t.value) return `${t.key}=${t.value}:${t.effect}`;
  return t.effect ? `${t.key}:${t.effect}` : t.key;
}

function runTaint(ctx: CommandContext): number {
  const all = flagBool(ctx.flags, 'all');
  const { resources, pairs } = splitResourcesAndPairs(ctx.flags.args, 'taint');
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const namesGiven = resources.length > 1 || resources.some((r) => r.includes('/'));
  if (!namesGiven && !all && !flagString(ctx.flags, 'selector')) throw usageError(ctx, 'at least one resource name must be specified since \'all\' parameter is not set');
  if (pairs.length === 0) throw new KubectlError('at least one taint update is required'); // taint.go Complete: fmt.Errorf
  const { add, remove } = parseTaints(ctx, pairs);
  const type = resources[0] ?? 'nodes';
  if (!/^(nodes?|no)(\/|$)/.test(type)) throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
  const { infos, errors } = selectObjects(ctx, { args: resources.length > 0 ? resources : ['nodes'], selector: flagString(ctx.flags, 'selector'), all: all || !namesGiven });
  const overwrite = flagBool(ctx.flags, 'overwrite');
  for (const info of infos) {
    const node = info.object;
    const old: Taint[] = node.spec?.taints ?? [];
    if (!overwrite) {
      const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length > 0) throw new KubectlError(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
    const { operation, taints, notFound } = reorganize(old, add, remove, overwrite);
    if (notFound.length > 0) throw new AggregateError(notFound.map((t) => new KubectlError(`taint ${JSON.stringify(taintString(t))} not found`)));
    const updated: KubeObject = { ...node, spec: { ...node.spec, taints } };
    if (taints.length === 0) delete updated.spec.taints;
    const saved = dryRun === 'client' ? updated : ctx.api.patch(info.def, '', info.name, 'merge', { spec: { taints: taints.length > 0 ? taints : null } }, { dryRun: dryRun === 'server' });
    printResult(ctx, saved, { operation, dryRun });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** taint.go reorganizeTaints: new taints first, then the old ones they do not replace. */
function reorganize(old: Taint[], add: Taint[], remove: Taint[], overwrite: boolean): { operation: string; taints: Taint[]; notFound: Taint[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const notFound: Taint[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    if (taints.length === before) notFound.push(r);
    else deleted = true;
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, notFound };
}
