import type { Store } from '../../api/store';
import type { KubeObject } from '../../api/types';
import { controllerOf } from './owner-refs';

/**
 * A shared informer's indexes for one resource, kept by watching the store:
 * objects by their controller's uid (the controllerRef index upstream
 * controllers use) and orphans (no controller) by namespace, for adoption.
 * Holds the stored instances: read-only.
 */
export class OwnerIndex {
  private byController = new Map<string, Map<string, KubeObject>>();
  private orphansByNs = new Map<string, Map<string, KubeObject>>();

  constructor(store: Store, readonly resource: string) {
    for (const obj of store.peekList(resource)) this.add(obj);
    store.watch((e) => {
      if (e.old) this.remove(e.old);
      if (e.type !== 'DELETED') this.add(e.object);
    }, { resource });
  }

  /** Objects whose controller is `uid`, sorted by name. */
  owned(uid: string | undefined): KubeObject[] {
    const m = uid ? this.byController.get(uid) : undefined;
    return m ? sortByName([...m.values()]) : [];
  }

  /** Objects without a controller in a namespace, sorted by name. */
  orphans(namespace: string): KubeObject[] {
    const m = this.orphansByNs.get(namespace);
    return m ? sortByName([...m.values()]) : [];
  }

  private add(obj: KubeObject): void {
    const ref = controllerOf(obj);
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const [map, k] = ref ? [this.byController, ref.uid] : [this.orphansByNs, obj.metadata.namespace ?? ''];
    let bucket = map.get(k);
    if (!bucket) map.set(k, (bucket = new Map()));
    bucket.set(key, obj);
  }

  private remove(obj: KubeObject): void {
    const ref = controllerOf(obj);
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const [map, k] = ref ? [this.byController, ref.uid] : [this.orphansByNs, obj.metadata.namespace ?? ''];
    const bucket = map.get(k);
    if (!bucket) return;
    bucket.delete(key);
    if (bucket.size === 0) map.delete(k);
  }
}

function sortByName(list: KubeObject[]): KubeObject[] {
  return list.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
}
