import type { KindDef } from '../registry';
import { discoveryFor } from '../discovery';

export const customResourceDefinition: KindDef = {
  ...discoveryFor('customresourcedefinitions', 'apiextensions.k8s.io'),
  hasGeneration: true,
};
