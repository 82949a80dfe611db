import type { AdmissionPlugin, Store } from '../store';
import type { KubeObject } from '../types';
import { forbidden } from '../errors';

/** The two classes the API server always knows (pkg/apis/scheduling: SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: KubeObject[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    preemptionPolicy: 'PreemptLowerPriority',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
    preemptionPolicy: 'PreemptLowerPriority',
  },
];

/**
 * Priority admission (plugin/pkg/admission/priority/admission.go): resolves
 * priorityClassName (or the globalDefault class) into spec.priority and
 * spec.preemptionPolicy; refuses unknown classes and a hand-set priority that
 * disagrees. For PriorityClass writes, allows only one globalDefault.
 */
export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(op, def, obj, _old, ctx) {
    if (op !== 'CREATE' || def.group !== '' || def.resource !== 'pods') return;
    const spec = (obj.spec ??= {});
    let value = 0;
    let policy = 'PreemptLowerPriority';
    let cls: KubeObject | undefined;
    if (spec.priorityClassName) {
      cls = ctx.peek('priorityclasses.scheduling.k8s.io', '', spec.priorityClassName);
      if (!cls) throw forbidden(def, obj.metadata.name || '', `no PriorityClass with name ${spec.priorityClassName} was found`);
    } else {
      cls = globalDefault(ctx.store);
      if (cls) spec.priorityClassName = cls.metadata.name;
    }
    if (cls) {
      value = cls.value ?? 0;
      policy = cls.preemptionPolicy ?? 'PreemptLowerPriority';
    }
    if (spec.priority !== undefined && spec.priority !== null && spec.priority !== value) {
      throw forbidden(def, obj.metadata.name || '', `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`);
    }
    spec.priority = value;
    if (spec.preemptionPolicy === undefined || spec.preemptionPolicy === null) spec.preemptionPolicy = policy;
  },
  validate(op, def, obj, _old, ctx) {
    if ((op !== 'CREATE' && op !== 'UPDATE') || def.group !== 'scheduling.k8s.io' || !obj.globalDefault) return;
    const other = globalDefault(ctx.store);
    if (other && other.metadata.name !== obj.metadata.name) {
      throw forbidden(def, obj.metadata.name ?? '', `PriorityClass ${other.metadata.name} is already marked as default. Only one default can exist`);
    }
  },
};

function globalDefault(store: Store): KubeObject | undefined {
  return store.peekList('priorityclasses.scheduling.k8s.io').find((c) => c.globalDefault === true);
}
