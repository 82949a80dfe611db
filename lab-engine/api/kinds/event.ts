import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { type FieldError, field } from '../field-errors';
import { strictFields } from '../openapi/strict';

/** core/v1 Event: ValidateEventCreate's checks on the involved object and reporting fields. */
export const event: KindDef = {
  ...discoveryFor('events', ''),
  hasGeneration: false,
  validate(obj) {
    const errs: FieldError[] = [];
    const io = obj.involvedObject ?? {};
    const ns = obj.metadata.namespace ?? '';
    // ValidateEventCreate (core/v1): cluster-scoped objects' events live in "default".
    if (!io.namespace ? ns !== '' && ns !== 'default' : io.namespace !== ns) {
      errs.push(field.invalid('involvedObject.namespace', io.namespace ?? '', 'does not match event.namespace'));
    }
    if (obj.type !== undefined && obj.type !== '' && !['Normal', 'Warning'].includes(obj.type) && obj.reportingComponent) {
      errs.push(field.invalid('type', obj.type, 'has invalid value: ' + obj.type));
    }
    return errs;
  },
  unknownFields: (obj) => strictFields('', 'v1', 'Event', obj),
};
