import type { EndState } from '../cka-corpus/harness';

/**
 * One public practice exercise as a person solves it: the lines they type
 * (exactly as the published solution writes them), then assertions on the
 * end state and on the outputs that matter.
 */
export interface PracticeScenario {
  id: string;
  /** Where the exercise comes from: `owner/repo file › section`. Our wording, not theirs. */
  source: string;
  script: string;
  check(s: EndState): void;
  /**
   * Lines of the script whose stdout must equal the real kubectl v1.32.4's
   * (client-side paths only: `create … --dry-run=client -o yaml`,
   * `run … --dry-run=client -o yaml`). Compared when /usr/bin/kubectl exists.
   */
  oracle?: string[];
  /** How the scenario fared when first written (kept honest for the tally). */
  firstRun: 'pass' | 'fail';
  /** For a scenario that failed first: the commit subject of the fix (it now passes). */
  fixedBy?: string;
  /** Still failing: why (the suite asserts it still fails, so the day it passes it turns red). */
  todo?: string;
  /** Out of scope for a single-cluster kubectl + shell lab; not run. */
  skip?: string;
  /** Virtual ms between typed lines (default 3000). */
  delayMs?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export const spec = (o: unknown): Obj => ((o as Obj | undefined)?.spec ?? {}) as Obj;
export const status = (o: unknown): Obj => ((o as Obj | undefined)?.status ?? {}) as Obj;
