import type { Store } from '../../api/store';
import { OwnerIndex } from './owner-index';
import { R } from './kinds';

/** The shared indexes every controller reads (one per watched resource). */
export interface Informers {
  pods: OwnerIndex;
  replicaSets: OwnerIndex;
  controllerRevisions: OwnerIndex;
  jobs: OwnerIndex;
  pvcs: OwnerIndex;
}

export function createInformers(store: Store): Informers {
  return {
    pods: new OwnerIndex(store, R.pods),
    replicaSets: new OwnerIndex(store, R.replicaSets),
    controllerRevisions: new OwnerIndex(store, R.controllerRevisions),
    jobs: new OwnerIndex(store, R.jobs),
    pvcs: new OwnerIndex(store, R.pvcs),
  };
}
