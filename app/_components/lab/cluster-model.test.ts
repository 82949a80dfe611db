import { beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Session } from '@kubelab/lab-engine';
import { getLab } from '../../_lib/lab/labs';
import { clusterView, objectYaml } from './cluster-model';

const DENY = `cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: secure}
spec: {podSelector: {}, policyTypes: [Ingress]}
EOF`;
const ALLOW = `cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-frontend, namespace: secure}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
  - from: [{podSelector: {matchLabels: {role: frontend}}}]
    ports: [{protocol: TCP, port: 80}]
EOF`;

describe('clusterView: flows in the NetworkPolicy lab', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startLab(getLab('lock-down-with-network-policy')!.lab);
  }, 60_000);

  it('names the policy that blocked a request the learner made, and the rule that allowed one', async () => {
    expect(clusterView(s).flows).toEqual([]);
    await s.run(DENY);
    const denied = await s.run('kubectl -n secure exec intruder -- wget -T 2 -qO- http://db.secure/');
    expect(denied.exitCode).not.toBe(0);
    await s.run(ALLOW);
    const allowed = await s.run('kubectl -n secure exec frontend -- wget -T 2 -qO- http://db.secure/');
    expect(allowed.exitCode).toBe(0);

    const flows = clusterView(s).flows;
    // The successful name lookups before each request are left out; the requests are listed oldest first.
    expect(flows.map((f) => [f.from, f.to, f.verdict])).toEqual([
      ['secure/intruder', 'http://db.secure/', 'denied'],
      ['secure/frontend', 'http://db.secure/', 'allowed'],
    ]);
    expect(flows[0].outcome).toBe('timeout');
    expect(flows[0].policies).toEqual([{ namespace: 'secure', name: 'default-deny', direction: 'Ingress' }]);
    expect(flows[1].outcome).toBe('HTTP 200');
    expect(flows[1].policies).toEqual([{ namespace: 'secure', name: 'allow-frontend', direction: 'Ingress', rule: 0 }]);
  }, 60_000);

  it('leaves the grader’s own probes out', async () => {
    const before = clusterView(s).flows.length;
    const { gradeSession } = await import('@kubelab/lab-engine');
    await gradeSession(getLab('lock-down-with-network-policy')!.lab, s, 'en');
    expect(clusterView(s).flows).toHaveLength(before);
  }, 60_000);
});

describe('clusterView: workloads', () => {
  it('shows nodes with their pods, deployments and services, and any object as YAML', async () => {
    const s = await startLab(getLab('fix-a-broken-deployment')!.lab);
    const view = clusterView(s);
    expect(view.nodes.map((n) => n.name)).toEqual(['controlplane', 'node01', 'node02']);
    expect(view.deployments.find((d) => d.namespace === 'prod' && d.name === 'api')).toBeDefined();
    expect(view.services.find((x) => x.namespace === 'prod' && x.name === 'api')).toBeDefined();
    const pod = view.nodes.flatMap((n) => n.pods).find((p) => p.namespace === 'prod');
    expect(pod?.status).toMatch(/ImagePullBackOff|ErrImagePull/);

    const yaml = objectYaml(s, { resource: 'deployments.apps', namespace: 'prod', name: 'api' });
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
    expect(yaml).not.toContain('managedFields');
    expect(objectYaml(s, { resource: 'pods', namespace: 'prod', name: 'gone' })).toBe('# pods gone no longer exists\n');
  }, 60_000);
});
