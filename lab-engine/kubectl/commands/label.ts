import type { CommandSpec } from '../types';
import { type PairVerb, runPairVerb } from './metadata-pairs';

/** label.go: `labeled`, `unlabeled` (the object got shorter without --overwrite), `not labeled`. */
const LABEL: PairVerb = {
  kind: 'label',
  field: 'labels',
  conflict: (existing, set) =>
    Object.keys(set)
      .filter((k) => k in existing && existing[k] !== set[k])
      .map((k) => `'${k}' already has a value (${existing[k]}), and --overwrite is false`),
  conflictMessage: (errs) => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`),
  changeMessage(before, after, overwrite, dryRun) {
    if (dryRun === 'client') return 'labeled';
    if (before === after) return 'not labeled';
    return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  },
  beforeChange(ctx, current, remove) {
    for (const r of remove) if (!(r in current)) ctx.io.out(`label ${JSON.stringify(r)} not found.\n`);
  },
};

export const label: CommandSpec = {
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the labels on a resource',
  flags: [],
  run: (ctx) => runPairVerb(ctx, LABEL),
};
