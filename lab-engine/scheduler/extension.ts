import type { SchedulerPlugin, SchedulerService } from './types';
import { SCHEDULER_SERVICE } from './types';

const PENDING_PLUGINS = 'scheduler/pending-plugins';

/**
 * Registers a scheduler plugin whatever the install order: if the scheduler
 * is installed it gets the plugin now, otherwise it picks it up at install.
 */
export function registerSchedulerPlugin(services: Map<string, unknown>, plugin: SchedulerPlugin): void {
  const s = services.get(SCHEDULER_SERVICE) as SchedulerService | undefined;
  if (s) return s.addPlugin(plugin);
  const pending = (services.get(PENDING_PLUGINS) as SchedulerPlugin[] | undefined) ?? [];
  pending.push(plugin);
  services.set(PENDING_PLUGINS, pending);
}

/** For installScheduler: plugins registered before it was installed. */
export function takePendingPlugins(services: Map<string, unknown>): SchedulerPlugin[] {
  const pending = (services.get(PENDING_PLUGINS) as SchedulerPlugin[] | undefined) ?? [];
  services.delete(PENDING_PLUGINS);
  return pending;
}
