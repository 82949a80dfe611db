import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { NO_RESOURCES_MESSAGE, decodeObjects, hasFilenames, selectObjects, selectionFlags, type Info } from '../resource-builder';
import { toJson, toYaml, listEnvelope } from '../output';
import { ExitError } from '../check-err';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply/last-applied';

/** `kubectl edit` (kubectl/pkg/cmd/util/editor/editoptions.go). */
export const edit: CommandSpec = {
  use: 'edit (RESOURCE/NAME | -f FILENAME)',
  short: 'Edit a resource on the server',
  flags: [],
  run: runEdit,
};

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** cmdutil.StripComments: drop lines starting with '#'. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

function render(ctx: CommandContext, objs: KubeObject[]): string {
  const shown = objs.map((o) => {
    if (flagBool(ctx.flags, 'show-managed-fields')) return o;
    const { managedFields: _m, ...meta } = o.metadata;
    return { ...o, metadata: meta };
  });
  const data = shown.length === 1 ? shown[0] : listEnvelope(shown);
  return flagString(ctx.flags, 'output') === 'json' ? toJson(data) : toYaml(data);
}

async function runEdit(ctx: CommandContext): Promise<number> {
  if (ctx.flags.args.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true, ...selectionFlags(ctx) });
  if (errors.length > 0) throw errors[0];
  if (infos.length === 0) throw new KubectlError('edit cancelled, no objects found');
  const rng = ctx.host.cluster.rng.derive(`kubectl-edit/${ctx.host.cluster.clock.nowMs()}`);
  const file = `/tmp/kubectl-edit-${1000000000 + rng.int(3000000000)}.${flagString(ctx.flags, 'output') === 'json' ? 'json' : 'yaml'}`;
  const original = render(ctx, infos.map((i) => i.object));
  let shown = HEADER + original;
  let lastEdited: string | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const edited = await ctx.host.edit(shown, file);
    const text = edited ?? shown;
    if (lastEdited !== undefined && stripComments(text) === stripComments(lastEdited)) {
      ctx.host.writeFile(file, text);
      ctx.io.err(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
      throw new KubectlError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(text) === stripComments(HEADER + original)) {
      ctx.io.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (stripComments(text).trim() === '') {
      ctx.io.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    const result = saveEdits(ctx, infos, stripComments(text), dryRun);
    if (result.ok) return 0;
    lastEdited = text;
    shown = HEADER + result.header + stripComments(text).replace(/^\n+/, '');
    if (result.fatal) {
      ctx.host.writeFile(file, text);
      throw result.fatal;
    }
  }
  throw new ExitError(1);
}

interface SaveResult {
  ok: boolean;
  header: string;
  fatal?: Error;
}

function saveEdits(ctx: CommandContext, infos: (Info & { object: KubeObject })[], text: string, dryRun: 'none' | 'client' | 'server'): SaveResult {
  let objs: KubeObject[];
  try {
    objs = decodeObjects(text, 'edited file');
  } catch (e) {
    const msg = (e as Error).message.replace(/^error parsing edited file: /, '');
    return { ok: false, header: `# The edited file had a syntax error: ${msg}\n#\n` };
  }
  let header = '';
  let ok = true;
  for (const obj of objs) {
    const info = infos.find((i) => i.name === obj.metadata?.name && i.def.kind === obj.kind);
    if (!info) {
      return { ok: false, header: '# The edited file failed validation: the name, kind or namespace of an object may not be changed\n#\n' };
    }
    const unchanged = JSON.stringify(obj) === JSON.stringify(stripManaged(info.object));
    if (unchanged) continue;
    obj.metadata.resourceVersion = obj.metadata.resourceVersion ?? info.object.metadata.resourceVersion;
    if (info.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION] !== undefined && flagBool(ctx.flags, 'save-config')) {
      obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: lastAppliedValue(obj, false) };
    }
    recordChangeCause(ctx, obj);
    try {
      const saved = dryRun === 'client' ? obj : ctx.api.update(obj, { dryRun: dryRun === 'server', fieldValidation: fieldValidation(ctx) });
      printResult(ctx, saved, { operation: 'edited', dryRun });
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'Invalid') return { ok: false, header: '', fatal: e as Error };
      ok = false;
      const resource = info.def.group ? `${info.def.resource}.${info.def.group}` : info.def.resource;
      ctx.io.err(`error: ${resource} ${JSON.stringify(info.name)} is invalid\n`);
      const causes = e.status.details?.causes ?? [];
      header += `# ${resource} ${JSON.stringify(info.name)} was not valid:\n${causes.map((c) => `# * ${c.field}: ${c.message}\n`.replace(/\n(?!$)/g, '\n# ')).join('')}#\n`;
    }
  }
  return { ok, header };
}

function stripManaged(obj: KubeObject): KubeObject {
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}
