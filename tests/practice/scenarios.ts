import { CKAD_CORE } from './ckad-core';
import { CKAD_POD_DESIGN } from './ckad-pod-design';
import { CKAD_CONFIG } from './ckad-config';
import { CKAD_OBSERVE_NET_STATE } from './ckad-observe-net-state';
import { CKA } from './cka';
import type { PracticeScenario } from './types';

/** Every practice scenario, in the order of the exercise collections (CKAD first, then CKA). */
export const SCENARIOS: PracticeScenario[] = [...CKAD_CORE, ...CKAD_POD_DESIGN, ...CKAD_CONFIG, ...CKAD_OBSERVE_NET_STATE, ...CKA];
