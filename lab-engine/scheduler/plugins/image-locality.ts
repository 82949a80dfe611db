import type { SchedulerPlugin } from '../types';
import { normalizeImageName } from '../../kubelet/images/reference';

const MB = 1024 * 1024;
/** CycleState key of the cache's image name → node count map. */
export const IMAGE_NODE_COUNTS = 'ImageLocality/nodeCounts';
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** plugins/imagelocality: sum of (size × spread) of images already on the node, scaled between thresholds. */
export const imageLocality: SchedulerPlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(pod, info, state, all) {
    let spread = state.get('ImageLocality/spread') as Map<string, number> | undefined;
    if (!spread) {
      spread = new Map();
      // The scheduler puts its cache's per-image node counts in the cycle state (imageStates.NumNodes).
      const counts = state.get(IMAGE_NODE_COUNTS) as Map<string, number> | undefined;
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
        const name = normalizeImageName(c.image ?? '');
        spread.set(name, counts ? (counts.get(name) ?? 0) : all.filter((n) => n.images.has(name)).length);
      }
      state.set('ImageLocality/spread', spread);
    }
    let sum = 0;
    // The pod's normalised image names, once per scheduling cycle rather than once per node.
    let names = state.get('ImageLocality/names') as string[] | undefined;
    if (!names) {
      names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => normalizeImageName(c.image ?? ''));
      state.set('ImageLocality/names', names);
    }
    const containers = names;
    for (const name of names) {
      const size = info.images.get(name);
      if (size === undefined) continue;
      const have = spread.get(name) ?? 0;
      sum += Math.floor((size * have) / Math.max(1, all.length));
    }
    const max = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.length);
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
    return Math.floor((100 * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
};
