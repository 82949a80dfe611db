/** The differential corpus, one file per area. */
import { BASICS } from './basics';
import { POD_STATES } from './pods';
import { WORKLOADS } from './workloads';
import { NETWORKING } from './networking';
import { STORAGE_POLICY } from './storage-policy';
import { OUTPUT } from './output';
import { ERRORS } from './errors';
import type { Scenario } from './types';

export type { Scenario } from './types';

export const SCENARIOS: Scenario[] = [...BASICS, ...POD_STATES, ...WORKLOADS, ...NETWORKING, ...STORAGE_POLICY, ...OUTPUT, ...ERRORS];
