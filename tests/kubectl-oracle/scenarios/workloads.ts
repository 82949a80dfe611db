import type { Scenario } from './types';

export const WORKLOADS: Scenario[] = [];
