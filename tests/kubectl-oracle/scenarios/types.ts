import type { Cluster, ClusterOptions } from '../../../lab-engine/index';

/**
 * A differential scenario: command sequences run by the real kubectl against
 * the REST facade and by our kubectl against an identical engine cluster.
 * Setup lines run through OUR kubectl on both clusters so they start equal;
 * a setup line `#advance N` lets N virtual seconds pass on both.
 */
export interface Scenario {
  name: string;
  topology?: ClusterOptions['topology'];
  seed?: number;
  setup: string[];
  /** Files (absolute path → content) both kubectls can read, for apply/replace/delete -f. */
  files?: Record<string, string>;
  /** Virtual seconds to let pass after setup. */
  settleSeconds?: number;
  /** Setup lines may fail (the scenario is about the failure's aftermath). */
  setupMayFail?: boolean;
  commands: string[];
  /** Runs on both clusters after setup and settling (e.g. stop a node's kubelet); then they settle again. */
  prepare?: (cluster: Cluster) => void;
  /** Virtual seconds to settle after prepare. */
  prepareSeconds?: number;
}

