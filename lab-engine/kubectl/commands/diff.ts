import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool } from '../args';
import { ExitError } from '../check-err';
import { hasFilenames, infosFromFiles, type Info } from '../resource-builder';
import { toYaml } from '../output';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply/last-applied';
import { threeWayMerge } from '../apply/three-way';
import { unifiedHunks } from '../diff/unified';

/**
 * `kubectl diff -f FILE` (kubectl/pkg/cmd/diff/diff.go): the live object and
 * the server-side dry run of applying the file, written as YAML into
 * /tmp/LIVE-N and /tmp/MERGED-N and compared like `diff -u -N`.
 * Exit code 1 when they differ.
 */
export const diff: CommandSpec = {
  use: 'diff -f FILENAME',
  short: 'Diff the live version against a would-be applied version',
  flags: [],
  run: runDiff,
};

function runDiff(ctx: CommandContext): number {
  if (!hasFilenames(ctx) && !ctx.flags.values.kustomize) throw new KubectlError('must specify one of -f and -k');
  const rng = ctx.host.cluster.rng.derive(`kubectl-diff/${ctx.host.cluster.clock.nowMs()}`);
  const liveDir = `/tmp/LIVE-${1000000000 + rng.int(3000000000)}`;
  const mergedDir = `/tmp/MERGED-${1000000000 + rng.int(3000000000)}`;
  let differs = false;
  const stamp = fileTime(ctx);
  const entries = infosFromFiles(ctx).map((info) => ({ info, name: fileName(info) }));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { info, name } of entries) {
    const live = ctx.api.tryGet(info.def, info.namespace, info.name);
    const merged = dryRunApply(ctx, info, live);
    const liveText = live ? render(live) : '';
    const mergedText = render(merged);
    ctx.host.writeFile(`${liveDir}/${name}`, liveText);
    ctx.host.writeFile(`${mergedDir}/${name}`, mergedText);
    const hunks = unifiedHunks(liveText, mergedText);
    if (!hunks) continue;
    differs = true;
    const a = `${liveDir}/${name}`;
    const b = `${mergedDir}/${name}`;
    ctx.io.out(`diff -u -N ${a} ${b}\n--- ${a}\t${live ? stamp : '1970-01-01 00:00:00.000000000 +0000'}\n+++ ${b}\t${stamp}\n${hunks}`);
  }
  if (differs) throw new ExitError(1);
  return 0;
}

/** `<group>.<version>.<Kind>.<namespace>.<name>` (diff.go Object.Name). */
function fileName(info: Info): string {
  const gv = info.def.group ? `${info.def.group}.${info.def.version}` : info.def.version;
  return [gv, info.def.kind, info.namespace, info.name].filter((p) => p !== '').join('.');
}

function dryRunApply(ctx: CommandContext, info: Info, live: KubeObject | undefined): KubeObject {
  const modified = JSON.parse(JSON.stringify(info.object)) as KubeObject;
  if (!flagBool(ctx.flags, 'server-side')) {
    modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: lastAppliedValue(modified, false) };
  }
  if (!live) return ctx.api.create(modified, { dryRun: true });
  const originalText = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  const merged = threeWayMerge(originalText ? JSON.parse(originalText) : {}, modified, live) as KubeObject;
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  // diff.go builds the patch with GetModifiedConfiguration(annotate=false): the live
  // last-applied annotation is left as it is.
  const annotations = { ...(merged.metadata.annotations ?? {}) };
  if (originalText === undefined) delete annotations[LAST_APPLIED_ANNOTATION];
  else annotations[LAST_APPLIED_ANNOTATION] = originalText;
  merged.metadata.annotations = annotations;
  return ctx.api.update(merged, { dryRun: true });
}

/** diff.go strips managedFields before writing the files. */
function render(obj: KubeObject): string {
  const { managedFields: _m, ...meta } = obj.metadata;
  return toYaml({ ...obj, metadata: meta });
}

function fileTime(ctx: CommandContext): string {
  const iso = new Date(ctx.host.cluster.clock.nowMs()).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}
