import type { CheckFunction } from './target';
import type { KubeObject } from '../api/types';

/**
 * Built-in check functions (`fn:` in lab.yaml) for conditions the declarative
 * checks cannot express. Each is pure over the cluster state.
 */
export const BUILTIN_FUNCTIONS: Record<string, CheckFunction> = {
  /** args: {namespace, deployment}: every pod of the deployment is Running and Ready, and none is crash-looping. */
  'deployment-healthy': ({ api, args, locale }) => {
    const ns = String(args.namespace ?? 'default');
    const name = String(args.deployment);
    const dep = api.tryGet(api.resolve('deployment')!, ns, name);
    if (!dep) return { passed: false, message: locale === 'zh' ? `找不到 deployment ${ns}/${name}` : `deployment ${ns}/${name} was not found` };
    const selector = Object.entries(dep.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    const pods = api.list(api.resolve('pods')!, { namespace: ns, labelSelector: selector }).items.filter((p) => !p.metadata.deletionTimestamp);
    const bad = pods.filter((p) => !isReady(p));
    const want = dep.spec?.replicas ?? 1;
    if (pods.length >= want && bad.length === 0) {
      return { passed: true, message: locale === 'zh' ? `deployment ${name} 的 ${pods.length} 个 Pod 全部就绪` : `all ${pods.length} pods of deployment ${name} are ready` };
    }
    const first = bad[0];
    const why = first ? `${first.metadata.name}: ${podProblem(first)}` : `${pods.length}/${want}`;
    return { passed: false, message: locale === 'zh' ? `deployment ${name} 的 Pod 未全部就绪（${why}）` : `deployment ${name} is not healthy yet (${why})` };
  },
};

function isReady(p: KubeObject): boolean {
  return p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function podProblem(p: KubeObject): string {
  for (const cs of p.status?.containerStatuses ?? []) {
    if (cs.state?.waiting?.reason) return cs.state.waiting.reason;
    if (cs.state?.terminated?.reason) return cs.state.terminated.reason;
    if (!cs.ready) return 'not ready';
  }
  return p.status?.phase ?? 'Pending';
}
