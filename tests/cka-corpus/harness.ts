import type { KubeObject } from '../../lab-engine/api/types';
import type { Session } from '../../lab-engine/session/session';
import type { StepResult } from '../../lab-engine/session/script';
import { kubectlVerbs } from '../../lab-engine/shell/commands/kubectl';
import { createSession } from '../../lab-engine/session/session';

/** What a corpus task's assertions can look at after its script ran. */
export class EndState {
  constructor(
    readonly session: Session,
    readonly steps: StepResult[],
  ) {}

  /** The object, or undefined (kind as kubectl accepts it: `deploy`, `networkpolicy`…). */
  get(kind: string, name: string, namespace = 'default'): KubeObject | undefined {
    const api = this.session.cluster.api();
    const def = api.resolve(kind);
    if (!def) throw new Error(`unknown kind ${kind}`);
    return api.tryGet(def, def.namespaced ? namespace : '', name);
  }

  list(kind: string, namespace?: string): KubeObject[] {
    const api = this.session.cluster.api();
    const def = api.resolve(kind)!;
    return api.list(def, namespace ? { namespace } : {}).items;
  }

  file(path: string): string | undefined {
    return this.session.env.nodeShells.get('controlplane')?.fs.readSync(path);
  }

  /** Output of the step whose command starts with `prefix`. */
  output(prefix: string): StepResult | undefined {
    return this.steps.find((s) => s.line.startsWith(prefix));
  }
}

/** Cluster features a task may depend on; missing ones belong to other engineers' unfinished work. */
export type Feature = 'nodes' | 'scheduling' | 'running-pods' | 'container-logs';

export interface Availability {
  verbs: Set<string>;
  features: Set<Feature>;
}

/** Probes the engine once: which kubectl verbs exist, whether nodes register, pods schedule and run. */
export async function probeAvailability(): Promise<Availability> {
  const verbs = new Set(kubectlVerbs().map((c) => c.use.split(' ')[0]));
  const features = new Set<Feature>();
  const s = await createSession({ seed: 1 });
  const api = s.cluster.api();
  if (api.list(api.resolve('nodes')!).items.length > 0) features.add('nodes');
  api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  s.cluster.advance(60_000);
  const pod = api.get(api.resolve('pods')!, 'default', 'probe') as { spec?: { nodeName?: string }; status?: { phase?: string } };
  if (pod.spec?.nodeName) features.add('scheduling');
  if (pod.status?.phase === 'Running') features.add('running-pods');
  api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'say', namespace: 'default' },
    spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo probe-output'] }] },
  });
  s.cluster.advance(60_000);
  // Through the whole path (kubelet process output → kubectl logs), as a task uses it.
  if ((await s.run('kubectl logs say')).stdout.includes('probe-output')) features.add('container-logs');
  return { verbs, features };
}
