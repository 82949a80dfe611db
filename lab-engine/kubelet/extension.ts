import type { KubeletService, VolumePlugin } from './types';

const VOLUME_PLUGINS = 'kubelet/volume-plugins';

/**
 * Registers a volume plugin (e.g. persistentVolumeClaim) whatever the install
 * order: the kubelet looks plugins up in this shared list at every mount.
 */
export function registerVolumePlugin(services: Map<string, unknown>, plugin: VolumePlugin): void {
  const list = volumePlugins(services).filter((p) => p.source !== plugin.source);
  list.push(plugin);
  services.set(VOLUME_PLUGINS, list);
}

export function volumePlugins(services: Map<string, unknown>): VolumePlugin[] {
  return (services.get(VOLUME_PLUGINS) as VolumePlugin[] | undefined) ?? [];
}

/** Typed lookup: `getKubelet(ctx.services)`. */
export function getKubelet(services: Map<string, unknown>): KubeletService {
  const k = services.get('kubelet') as KubeletService | undefined;
  if (!k) throw new Error('kubelet service not installed (installKubelets not run)');
  return k;
}
