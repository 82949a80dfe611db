import type { Scenario } from './types';

export const ERRORS: Scenario[] = [];
