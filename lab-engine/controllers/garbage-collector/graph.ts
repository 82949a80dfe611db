import type { KubeObject, OwnerReference } from '../../api/types';

/** Identity of a stored object: `<resource key>|<namespace>|<name>`. */
export type NodeKey = string;

export function nodeKey(resource: string, obj: KubeObject): NodeKey {
  return `${resource}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
}

export function parseNodeKey(key: NodeKey): { resource: string; namespace: string; name: string } {
  const [resource, namespace, name] = key.split('|');
  return { resource, namespace, name };
}

/**
 * The garbage collector's dependency graph (garbagecollector/graph_builder.go),
 * kept from watch events: who exists (by uid) and who names whom as owner.
 */
export class DependencyGraph {
  private byUid = new Map<string, NodeKey>();
  private dependentsOf = new Map<string, Set<NodeKey>>(); // owner uid -> dependents

  observe(resource: string, obj: KubeObject, old: KubeObject | undefined, deleted: boolean): void {
    const key = nodeKey(resource, obj);
    if (old) this.unlink(key, old.metadata.ownerReferences);
    if (deleted) {
      if (this.byUid.get(obj.metadata.uid!) === key) this.byUid.delete(obj.metadata.uid!);
      return;
    }
    this.byUid.set(obj.metadata.uid!, key);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.dependentsOf.get(ref.uid);
      if (!set) this.dependentsOf.set(ref.uid, (set = new Set()));
      set.add(key);
    }
  }

  /** Where the object with this uid is stored, if it exists. */
  locate(uid: string): NodeKey | undefined {
    return this.byUid.get(uid);
  }

  /** Keys of objects naming `uid` as an owner, sorted. */
  dependents(uid: string): NodeKey[] {
    return [...(this.dependentsOf.get(uid) ?? [])].sort();
  }

  private unlink(key: NodeKey, refs: OwnerReference[] | undefined): void {
    for (const ref of refs ?? []) {
      const set = this.dependentsOf.get(ref.uid);
      if (!set) continue;
      set.delete(key);
      if (!set.size) this.dependentsOf.delete(ref.uid);
    }
  }
}
