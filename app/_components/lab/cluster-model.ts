import { stringify } from 'yaml';
import { getNetwork, type FlowRecord, type KubeObject, type Session } from '@kubelab/lab-engine';
import type { ClusterView, FlowView, ObjectRef, PodView } from './protocol';

/*
 * What the lab worker sends the page about the cluster: a small projection
 * for the live cluster view, and one object's YAML when the learner clicks it.
 * Pure functions of a session (tested in Node beside this file).
 */

/** How many of the most recent flows the cluster view lists. */
const FLOWS_SHOWN = 8;

/**
 * The learner's recent flows from the network's flow log (the grader's own
 * probes are not logged). A name lookup is listed only when it failed: the
 * request that follows it is the interesting line.
 */
export function flowViews(records: FlowRecord[]): FlowView[] {
  return records
    .filter((f) => f.kind !== 'dns' || f.verdict !== 'allowed')
    .slice(-FLOWS_SHOWN)
    .map((f) => ({
      seq: f.seq,
      kind: f.kind,
      from: f.fromLabel,
      to: f.to,
      verdict: f.verdict,
      outcome: f.outcome,
      count: f.count,
      policies: (f.verdict === 'denied' ? f.deniedBy : f.verdict === 'allowed' ? f.allowedBy : []).map(({ namespace, name, direction, rule }) => ({ namespace, name, direction, ...(rule === undefined ? {} : { rule }) })),
    }));
}

export function objectYaml(s: Session, ref: ObjectRef): string {
  const obj = s.cluster.store.peek(ref.resource, ref.namespace ?? '', ref.name);
  if (!obj) return `# ${ref.resource} ${ref.name} no longer exists\n`;
  const { managedFields: _m, ...metadata } = obj.metadata;
  // Keys sorted and sequences not indented, as `kubectl get -o yaml` prints (go-yaml v2 via sigs.k8s.io/yaml), managedFields left out as kubectl does by default.
  return stringify({ ...obj, metadata }, { sortMapEntries: true, indentSeq: false });
}

export function clusterView(s: Session): ClusterView {
  const store = s.cluster.store;
  const pods = store.peekList('pods').map(podView);
  const nodes = store.peekList('nodes').map((n) => ({
    name: n.metadata.name!,
    ready: (n.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'),
    unschedulable: !!n.spec?.unschedulable,
    roles: Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).join(',') || '<none>',
    pods: store.peekList('pods').filter((p) => p.spec?.nodeName === n.metadata.name).map(podView),
  }));
  return {
    nodes,
    pending: pods.filter((p, i) => !store.peekList('pods')[i].spec?.nodeName),
    deployments: store.peekList('deployments.apps').map((d) => ({
      namespace: d.metadata.namespace!,
      name: d.metadata.name!,
      desired: d.spec?.replicas ?? 1,
      updated: d.status?.updatedReplicas ?? 0,
      ready: d.status?.readyReplicas ?? 0,
      available: d.status?.availableReplicas ?? 0,
    })),
    services: store.peekList('services').map((svc) => {
      const ep = store.peek('endpoints', svc.metadata.namespace!, svc.metadata.name!);
      const subsets = (ep?.subsets ?? []) as { addresses?: unknown[]; notReadyAddresses?: unknown[] }[];
      return {
        namespace: svc.metadata.namespace!,
        name: svc.metadata.name!,
        type: svc.spec?.type ?? 'ClusterIP',
        clusterIP: svc.spec?.clusterIP ?? '',
        ports: (svc.spec?.ports ?? []).map((p: { port: number; nodePort?: number; protocol?: string }) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(','),
        endpoints: subsets.reduce((n, x) => n + (x.addresses?.length ?? 0), 0),
        notReady: subsets.reduce((n, x) => n + (x.notReadyAddresses?.length ?? 0), 0),
      };
    }),
    flows: flowViews(getNetwork(s.cluster.services).flowLog({ limit: 4 * FLOWS_SHOWN })),
  };
}

function podView(p: KubeObject): PodView {
  const statuses = (p.status?.containerStatuses ?? []) as { ready?: boolean; restartCount?: number; state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } }[];
  const total = p.spec?.containers?.length ?? statuses.length;
  const ready = statuses.filter((c) => c.ready).length;
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  let status: string = p.status?.phase ?? 'Pending';
  for (const c of statuses) {
    const reason = c.state?.waiting?.reason ?? c.state?.terminated?.reason;
    if (reason && reason !== 'Completed') status = reason;
  }
  if (p.metadata.deletionTimestamp) status = 'Terminating';
  return { namespace: p.metadata.namespace!, name: p.metadata.name!, phase: p.status?.phase ?? 'Pending', status, ready: `${ready}/${total}`, restarts };
}
