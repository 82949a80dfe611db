import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { field } from '../field-errors';

/** IngressClass: ValidateIngressClass / ValidateIngressClassUpdate (pkg/apis/networking/validation). */
export const ingressClass: KindDef = {
  ...discoveryFor('ingressclasses', 'networking.k8s.io'),
  hasGeneration: true,
  validate(obj) {
    const c = obj.spec?.controller;
    if (!c) return [field.required('spec.controller')];
    if (c.length > 250) return [field.tooLong('spec.controller', c, 250)];
    return [];
  },
  validateUpdate(obj, old) {
    if (obj.spec?.controller !== old.spec?.controller) return [field.invalid('spec.controller', obj.spec?.controller, 'field is immutable')];
    return [];
  },
};
