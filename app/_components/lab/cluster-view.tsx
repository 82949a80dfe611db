'use client';
import { useState } from 'react';
import type { ClusterView as View, FlowView, PodView } from './protocol';
import type { LabHandle } from './use-lab';

const COLORS: Record<string, string> = {
  Running: 'bg-emerald-500',
  Succeeded: 'bg-sky-500',
  Completed: 'bg-sky-500',
  Pending: 'bg-amber-400',
  ContainerCreating: 'bg-amber-400',
  Terminating: 'bg-slate-400',
};

function color(p: PodView): string {
  if (p.status === 'Running' && !p.ready.startsWith(p.ready.split('/')[1])) return 'bg-lime-400';
  return COLORS[p.status] ?? 'bg-red-500';
}

/** Nodes with their pods, deployments' rollouts, services and their endpoints; click for YAML. */
export function ClusterView({ view, lab }: { view: View | null; lab: LabHandle }) {
  const [yaml, setYaml] = useState<{ title: string; text: string } | null>(null);
  if (!view) return <p className="p-3 text-sm text-slate-500">Waiting for the cluster…</p>;
  const open = async (resource: string, namespace: string | undefined, name: string) => {
    setYaml({ title: `${resource}/${name}`, text: await lab.inspect({ resource, namespace, name }) });
  };
  return (
    <div className="space-y-4 p-3 text-sm">
      <section aria-label="Nodes">
        <h3 className="mb-2 font-semibold">Nodes</h3>
        <div className="grid gap-2 sm:grid-cols-3">
          {view.nodes.map((n) => (
            <div key={n.name} className="rounded border border-slate-200 p-2 dark:border-slate-700">
              <button type="button" className="font-mono font-medium hover:underline" onClick={() => open('nodes', undefined, n.name)}>
                {n.name}
              </button>
              <span className={`ml-2 text-xs ${n.ready ? 'text-emerald-600' : 'text-red-600'}`}>{n.ready ? 'Ready' : 'NotReady'}{n.unschedulable ? ',SchedulingDisabled' : ''}</span>
              <ul className="mt-1 flex flex-wrap gap-1">
                {n.pods.filter((p) => p.namespace !== 'kube-system').map((p) => (
                  <PodChip key={`${p.namespace}/${p.name}`} pod={p} onClick={() => open('pods', p.namespace, p.name)} />
                ))}
              </ul>
              <p className="mt-1 text-xs text-slate-500">{n.pods.filter((p) => p.namespace === 'kube-system').length} kube-system pods</p>
            </div>
          ))}
        </div>
        {view.pending.length > 0 && (
          <p className="mt-2 text-xs">
            Unscheduled: {view.pending.map((p) => <PodChip key={p.name} pod={p} onClick={() => open('pods', p.namespace, p.name)} />)}
          </p>
        )}
      </section>
      <section aria-label="Deployments">
        <h3 className="mb-1 font-semibold">Deployments</h3>
        <ul className="space-y-1">
          {view.deployments.filter((d) => d.namespace !== 'kube-system').map((d) => (
            <li key={`${d.namespace}/${d.name}`}>
              <button type="button" className="font-mono hover:underline" onClick={() => open('deployments.apps', d.namespace, d.name)}>
                {d.namespace}/{d.name}
              </button>{' '}
              <span className="text-xs text-slate-500">
                {d.ready}/{d.desired} ready · {d.updated} updated · {d.available} available
              </span>
              <div className="mt-0.5 h-1.5 w-40 rounded bg-slate-200 dark:bg-slate-800">
                <div className="h-1.5 rounded bg-emerald-500" style={{ width: `${d.desired ? Math.min(100, (100 * d.available) / d.desired) : 100}%` }} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Services">
        <h3 className="mb-1 font-semibold">Services</h3>
        <ul className="space-y-0.5">
          {view.services.filter((s) => s.namespace !== 'kube-system').map((s) => (
            <li key={`${s.namespace}/${s.name}`}>
              <button type="button" className="font-mono hover:underline" onClick={() => open('services', s.namespace, s.name)}>
                {s.namespace}/{s.name}
              </button>{' '}
              <span className="text-xs text-slate-500">
                {s.type} {s.clusterIP} {s.ports} → {s.endpoints} endpoint{s.endpoints === 1 ? '' : 's'}
                {s.notReady ? ` (+${s.notReady} not ready)` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {view.flows.length > 0 && (
        <section aria-label="Recent requests">
          <h3 className="mb-1 font-semibold">Recent requests</h3>
          <ul className="space-y-1 text-xs">
            {view.flows.map((f) => (
              <FlowItem key={f.seq} flow={f} onPolicy={(namespace, name) => open(NETWORK_POLICIES, namespace, name)} />
            ))}
          </ul>
        </section>
      )}
      {yaml && (
        <section aria-label={`YAML of ${yaml.title}`} className="rounded border border-slate-200 dark:border-slate-700">
          <div className="flex justify-between border-b border-slate-200 px-2 py-1 dark:border-slate-700">
            <span className="font-mono">{yaml.title}</span>
            <button type="button" onClick={() => setYaml(null)} aria-label="Close YAML">
              ✕
            </button>
          </div>
          <pre className="max-h-80 overflow-auto p-2 text-xs">{yaml.text}</pre>
        </section>
      )}
    </div>
  );
}

const NETWORK_POLICIES = 'networkpolicies.networking.k8s.io';

const VERDICT_STYLE: Record<FlowView['verdict'], string> = {
  allowed: 'text-emerald-700 dark:text-emerald-400',
  denied: 'text-red-700 dark:text-red-400',
  failed: 'text-amber-700 dark:text-amber-400',
};

/** One flow: what was tried, what happened, and — where a NetworkPolicy decided it — which one. */
function FlowItem({ flow: f, onPolicy }: { flow: FlowView; onPolicy: (namespace: string, name: string) => void }) {
  const policyButtons = f.policies.map((p, i) => (
    <span key={`${p.namespace}/${p.name}/${p.direction}`}>
      {i > 0 && ', '}
      <button type="button" className="font-mono underline" onClick={() => onPolicy(p.namespace, p.name)}>
        {p.namespace}/{p.name}
      </button>
      {f.verdict === 'allowed' && p.rule !== undefined ? ` (spec.${p.direction.toLowerCase()}[${p.rule}])` : ` (${p.direction})`}
    </span>
  ));
  return (
    <li className={VERDICT_STYLE[f.verdict]} data-testid="flow" data-verdict={f.verdict}>
      <span className="font-mono">
        {f.verdict === 'allowed' ? '✓' : '✗'} {f.from} → {f.to}: {f.outcome}
        {f.count > 1 ? ` (×${f.count})` : ''}
      </span>
      {f.verdict === 'denied' && (
        <p className="ml-4">
          Blocked by NetworkPolicy {policyButtons}: {blockedReason(f)}
        </p>
      )}
      {f.verdict === 'allowed' && f.policies.length > 0 && <p className="ml-4">Allowed by {policyButtons}</p>}
    </li>
  );
}

function blockedReason(f: FlowView): string {
  const ingress = f.policies.some((p) => p.direction === 'Ingress');
  const egress = f.policies.some((p) => p.direction === 'Egress');
  const side = ingress && egress ? 'the sending and the receiving pod' : ingress ? 'the receiving pod' : 'the sending pod';
  return `it selects ${side}, and no rule of the policies selecting it allows this traffic.`;
}

function PodChip({ pod, onClick }: { pod: PodView; onClick: () => void }) {
  return (
    <li className="inline-block">
      <button type="button" onClick={onClick} title={`${pod.namespace}/${pod.name}: ${pod.status} ${pod.ready}, ${pod.restarts} restarts`} className="flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700">
        <span className={`inline-block h-2 w-2 rounded-full ${color(pod)}`} aria-hidden />
        {pod.name}
        {pod.restarts > 0 && <span className="text-red-600">↻{pod.restarts}</span>}
        <span className="sr-only">{pod.status}</span>
      </button>
    </li>
  );
}
