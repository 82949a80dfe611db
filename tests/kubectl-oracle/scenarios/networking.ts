import type { Scenario } from './types';

export const NETWORKING: Scenario[] = [];
