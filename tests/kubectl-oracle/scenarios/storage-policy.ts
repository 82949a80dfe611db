import type { Scenario } from './types';

export const STORAGE_POLICY: Scenario[] = [];
