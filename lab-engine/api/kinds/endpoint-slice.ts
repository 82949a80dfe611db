import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** EndpointSlice (discovery.k8s.io/v1): ValidateEndpointSlice's addressType rules (pkg/apis/discovery/validation). */
export const endpointSlice: KindDef = {
  ...discoveryFor('endpointslices', 'discovery.k8s.io'),
  hasGeneration: true,
  validate(obj) {
    const errs: FieldError[] = [];
    if (!obj.addressType) errs.push(field.required('addressType'));
    else if (!ADDRESS_TYPES.includes(obj.addressType)) errs.push(field.notSupported('addressType', obj.addressType, ADDRESS_TYPES));
    (obj.endpoints ?? []).forEach((e: { addresses?: string[] }, i: number) => {
      const n = e?.addresses?.length ?? 0;
      if (n === 0) errs.push(field.required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
      else if (n > 100) errs.push(field.invalid(`endpoints[${i}].addresses`, n, 'must contain at most 100 addresses'));
    });
    return errs;
  },
  validateUpdate(obj, old) {
    if (obj.addressType !== old.addressType) return [field.invalid('addressType', obj.addressType, 'field is immutable')];
    return [];
  },
  // EndpointSlices carry no spec: generation follows endpoints and ports (the registry strategy bumps it on change).
  generationFrom: (obj) => ({ endpoints: obj.endpoints, ports: obj.ports, addressType: obj.addressType }),
};
