import type { Store } from '../../api/store';
import type { KubeObject } from '../../api/types';

/**
 * An informer-style cache of one resource, indexed by namespace (the
 * controllers' listers). Lists come back in name order and are cached per
 * namespace until the next change there, so a controller reconciling many
 * Services does not rescan the whole store each time.
 */
export class ObjectCache {
  private byNs = new Map<string, Map<string, KubeObject>>();
  private sorted = new Map<string, KubeObject[]>();

  constructor(store: Store, resource: string) {
    for (const o of store.peekList(resource)) this.put(o);
    store.watch((ev) => (ev.type === 'DELETED' ? this.drop(ev.object) : this.put(ev.object)), { resource });
  }

  list(namespace: string): KubeObject[] {
    let l = this.sorted.get(namespace);
    if (!l) {
      l = [...(this.byNs.get(namespace)?.values() ?? [])].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
      this.sorted.set(namespace, l);
    }
    return l;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.byNs.get(namespace)?.get(name);
  }

  private put(o: KubeObject): void {
    const ns = o.metadata.namespace ?? '';
    let m = this.byNs.get(ns);
    if (!m) this.byNs.set(ns, (m = new Map()));
    m.set(o.metadata.name!, o);
    this.sorted.delete(ns);
  }

  private drop(o: KubeObject): void {
    const ns = o.metadata.namespace ?? '';
    this.byNs.get(ns)?.delete(o.metadata.name!);
    this.sorted.delete(ns);
  }
}

/** The caches the endpoint controllers share. */
export interface EndpointCaches {
  services: ObjectCache;
  pods: ObjectCache;
  slices: ObjectCache;
}

export function endpointCaches(store: Store): EndpointCaches {
  return {
    services: new ObjectCache(store, 'services'),
    pods: new ObjectCache(store, 'pods'),
    slices: new ObjectCache(store, 'endpointslices.discovery.k8s.io'),
  };
}
