import type { CommandSpec } from '../types';
import { type PairVerb, runPairVerb } from './metadata-pairs';

/** annotate.go: always `annotated`; conflicts listed after one prefix. */
const ANNOTATE: PairVerb = {
  kind: 'annotation',
  field: 'annotations',
  conflict: (existing, set) =>
    Object.keys(set)
      .filter((k) => k !== 'kubernetes.io/change-cause' && k in existing && existing[k] !== set[k])
      .map((k) => `'${k}' already has a value (${existing[k]})`),
  conflictMessage: (errs) => `--overwrite is false but found the following declared annotation(s): ${errs.join('; ')}`,
  changeMessage: () => 'annotated',
};

export const annotate: CommandSpec = {
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the annotations on a resource',
  flags: [],
  run: (ctx) => runPairVerb(ctx, ANNOTATE),
};
