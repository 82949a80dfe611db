import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';

/** Endpoints (v1): ValidateEndpoints' address and port checks (pkg/apis/core/validation). */
export const endpoints: KindDef = {
  ...discoveryFor('endpoints', ''),
  hasGeneration: false,
  validate(obj) {
    const errs: FieldError[] = [];
    (obj.subsets ?? []).forEach((s: { addresses?: { ip?: string }[]; notReadyAddresses?: { ip?: string }[]; ports?: { port?: number; protocol?: string }[] }, i: number) => {
      for (const [list, name] of [[s?.addresses ?? [], 'addresses'], [s?.notReadyAddresses ?? [], 'notReadyAddresses']] as const) {
        list.forEach((a, j) => {
          if (!a?.ip) errs.push(field.required(`subsets[${i}].${name}[${j}].ip`));
          else if (!/^\d+\.\d+\.\d+\.\d+$/.test(a.ip) && !a.ip.includes(':')) errs.push(field.invalid(`subsets[${i}].${name}[${j}].ip`, a.ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
        });
      }
      (s?.ports ?? []).forEach((p, j) => {
        if (typeof p?.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(field.invalid(`subsets[${i}].ports[${j}].port`, p?.port, 'must be between 1 and 65535, inclusive'));
      });
    });
    return errs;
  },
  defaults(obj) {
    for (const s of obj.subsets ?? []) for (const p of s?.ports ?? []) if (p && !p.protocol) p.protocol = 'TCP';
  },
};
