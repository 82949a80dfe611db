import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';
import { field, type FieldError } from '../field-errors';
import { strictFields } from '../openapi/strict';

const DEFAULT_CPU_UTILIZATION = 80;

/**
 * HorizontalPodAutoscaler, autoscaling/v2 (pkg/apis/autoscaling/v2/defaults.go:
 * minReplicas 1, a default 80% CPU metric, behavior filled only when given;
 * ValidateHorizontalPodAutoscaler for the messages).
 */
export const horizontalPodAutoscaler: KindDef = {
  ...discoveryFor('horizontalpodautoscalers', 'autoscaling'),
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = { currentReplicas: 0, desiredReplicas: 0 };
  },
  defaults(obj) {
    obj.spec ??= {};
    obj.spec.minReplicas ??= 1;
    if (!obj.spec.metrics?.length) obj.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
    const b = obj.spec.behavior;
    if (b) {
      b.scaleUp = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }], ...b.scaleUp };
      b.scaleDown = { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], ...b.scaleDown };
    }
  },
  validate(obj) {
    const errs: FieldError[] = [];
    const spec = obj.spec ?? {};
    const ref = spec.scaleTargetRef ?? {};
    if (!ref.kind) errs.push(field.required('spec.scaleTargetRef.kind', ''));
    if (!ref.name) errs.push(field.required('spec.scaleTargetRef.name', ''));
    if (spec.minReplicas !== undefined && spec.minReplicas < 1) errs.push(field.invalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
    if (!(spec.maxReplicas >= 1)) errs.push(field.invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0'));
    else if (spec.minReplicas > spec.maxReplicas) errs.push(field.invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
    return errs;
  },
  unknownFields: (obj) => strictFields('autoscaling', 'v2', 'HorizontalPodAutoscaler', obj),
};
