import type { Scenario } from './types';

export const OUTPUT: Scenario[] = [];
