import type { KindDef } from '../registry';
import type { Json } from '../types';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { validateQualifiedName } from '../validation/names';
import { strictFields } from '../openapi/strict';

/**
 * Node: SetDefaults_NodeStatus (allocatable defaults to capacity) and the
 * taint checks of ValidateNode. Nodes have no generation.
 */
export const node: KindDef = {
  ...discoveryFor('nodes', ''),
  hasGeneration: false,
  defaults(obj) {
    const st = obj.status;
    if (st && st.capacity && !st.allocatable) st.allocatable = { ...st.capacity };
  },
  validate: (obj) => validateTaints(obj.spec?.taints),
  unknownFields: (obj) => strictFields('', 'v1', 'Node', obj),
};

function validateTaints(taints: Json): FieldError[] {
  if (!Array.isArray(taints)) return [];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t: Json, i: number) => {
    const p = `spec.taints[${i}]`;
    if (!t?.key) errs.push(field.required(`${p}.key`));
    else errs.push(...validateQualifiedName(`${p}.key`, t.key));
    if (!t?.effect) errs.push(field.required(`${p}.effect`));
    else if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(field.notSupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
    const k = `${t?.key}:${t?.effect}`;
    if (seen.has(k)) errs.push(field.duplicate(p, { goSyntax: `core.Taint{Key:${JSON.stringify(t.key)}, Value:${JSON.stringify(t.value ?? '')}, Effect:${JSON.stringify(t.effect)}, TimeAdded:<nil>}` }));
    seen.add(k);
  });
  return errs;
}
