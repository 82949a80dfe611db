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
    // ValidateIngressClass: validation.IsDomainPrefixedPath
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/\S+$/.test(c)) {
      return [field.invalid('spec.controller', c, 'must be a domain-prefixed path (such as "acme.io/foo")')];
    }
    return [];
  },
  validateUpdate(obj, old) {
    if (obj.spec?.controller !== old.spec?.controller) return [field.invalid('spec.controller', obj.spec?.controller, 'field is immutable')];
    return [];
  },
};
