import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const horizontalPodAutoscaler: KindDef = {
  ...discoveryFor('horizontalpodautoscalers', 'autoscaling'),
  hasGeneration: true,
};
