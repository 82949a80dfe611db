import { CKAD_CORE } from './ckad-core';
import { CKAD_POD_DESIGN } from './ckad-pod-design';
import { CKAD_CONFIG } from './ckad-config';
import { CKAD_OBSERVE_NET_STATE } from './ckad-observe-net-state';
import { CKAD_AMITK } from './ckad-amitk';
import { CKA } from './cka';
import { KILLERCODA } from './killercoda';
import type { PracticeScenario } from './types';

/** Every practice scenario, in the order of the exercise collections (CKAD first, then CKA, then Killercoda's CKA scenarios). */
export const SCENARIOS: PracticeScenario[] = [...CKAD_CORE, ...CKAD_POD_DESIGN, ...CKAD_CONFIG, ...CKAD_OBSERVE_NET_STATE, ...CKAD_AMITK, ...CKA, ...KILLERCODA];
