import type { CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';
import { AggregateError } from '../check-err';
import { selectObjects, selectionFlags } from '../resource-builder';
import { toJson, toYaml } from '../output';
import { LAST_APPLIED_ANNOTATION } from './last-applied';

/** `kubectl apply view-last-applied` (apply_view_last_applied.go): the annotation as YAML or JSON. */
export const viewLastApplied: CommandSpec = {
  use: 'view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
  short: 'View the latest last-applied-configuration annotations of a resource/object',
  flags: [],
  run(ctx) {
    const output = flagString(ctx.flags, 'output') || 'yaml';
    if (output !== 'yaml' && output !== 'json') throw new KubectlError(`Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples`);
    const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true, ...selectionFlags(ctx) });
    if (errors.length > 0) throw new AggregateError(errors);
    infos.forEach((info, i) => {
      const text = info.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
      if (text === undefined) throw new KubectlError(`no last-applied-configuration annotation found on resource: ${info.name}`);
      const value = JSON.parse(text);
      if (output === 'json') ctx.io.out(toJson(value, { indent: '  ' }));
      else ctx.io.out((i > 0 ? '---\n' : '') + toYaml(value));
    });
    return 0;
  },
};
