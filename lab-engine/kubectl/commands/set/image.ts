import type { CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { podSpecOf, runSet, splitArgs } from './common';
import { usageError } from '../create/common';

/** `kubectl set image` (set_image.go): CONTAINER=IMAGE pairs, `*` for every container. */
export const setImage: CommandSpec = {
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  short: 'Update the image of a pod template',
  flags: [],
  run(ctx) {
    const { resources, pairs } = splitArgs(ctx.flags.args);
    if (pairs.length === 0) throw usageError(ctx, 'at least one image update is required');
    const images = pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const);
    return runSet(ctx, {
      resources,
      operation: 'image updated',
      mutate(obj) {
        const spec = podSpecOf(obj);
        if (!spec) return false;
        for (const [name, image] of images) {
          let found = false;
          for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
            if (c.name === name || name === '*') {
              c.image = image;
              found = true;
            }
          }
          if (!found) throw new KubectlError(`unable to find container named ${JSON.stringify(name)}`);
        }
        return true;
      },
    });
  },
};
