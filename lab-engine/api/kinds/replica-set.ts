import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { validateImmutableSelector, validateReplicas, validateSelector, validateTemplate } from '../validation/workload';
import { defaultTemplate } from './deployment';
import { strictFields } from '../openapi/strict';

const RULES = { selectorNoun: 'deployment', restartPolicies: ['Always'] };

/** ReplicaSet: SetDefaults_ReplicaSet (replicas 1) + ValidateReplicaSet (its empty-selector message says "deployment", as upstream). */
export const replicaSet: KindDef = {
  ...discoveryFor('replicasets', 'apps'),
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  defaults(obj) {
    const spec = (obj.spec ??= {});
    if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
    defaultTemplate(spec.template);
  },
  validate(obj) {
    const spec = obj.spec ?? {};
    return [...validateReplicas(spec), ...validateSelector(spec, RULES), ...validateTemplate(spec, RULES)];
  },
  validateUpdate: (obj, old) => validateImmutableSelector(obj.spec, old.spec),
  unknownFields: (obj) => strictFields('apps', 'v1', 'ReplicaSet', obj),
};
