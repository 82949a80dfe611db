import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../lab-engine/index';
import { decodeKubernetesProtobuf } from '../../lab-engine/facade/protobuf/decode';
import { startKubeApiServer, kubeconfigFor } from '../../scripts/kube-api-server';
import type { FacadeRequest } from '../../lab-engine/facade/types';

/**
 * The protobuf decoder's oracle: each generator runs twice with the real
 * kubectl — `--dry-run=client -o json` prints the object it built, and the
 * real create sends the same object as application/vnd.kubernetes.protobuf,
 * which the facade captures. Decoding the capture must equal the JSON.
 * CAPTURE_PROTOBUF_FIXTURES=1 also writes the bodies to
 * lab-engine/facade/protobuf/fixtures/ for the pure decoder test.
 */
const KUBECTL = '/usr/bin/kubectl';
const FIXTURES = join(__dirname, '../../lab-engine/facade/protobuf/fixtures');

export const GENERATORS: Record<string, string> = {
  deployment: 'create deployment web --image=nginx:1.27 --replicas=3 --port=80 -n shop',
  'deployment-cmd': 'create deployment two --image=busybox:1.36 -- sleep 3600',
  job: 'create job once --image=busybox:1.36 -- echo done',
  cronjob: 'create cronjob tick --image=busybox:1.36 --schedule=*/5_*_*_*_* --restart=OnFailure -- date',
  configmap: 'create configmap cfg --from-literal=a=b --from-literal=c=',
  secret: 'create secret generic s --from-literal=p=s3cret --type=Opaque',
  'secret-docker': 'create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=p',
  'service-clusterip': 'create service clusterip svc --tcp=80:8080 --tcp=443',
  'service-nodeport': 'create service nodeport np --tcp=80:http --node-port=30080',
  'service-headless': 'create service clusterip hl --clusterip=None',
  'service-external': 'create service externalname ext --external-name=example.com',
  'service-lb': 'create service loadbalancer lb --tcp=80:8080',
  namespace: 'create namespace ns1',
  serviceaccount: 'create serviceaccount bot',
  role: 'create role r --verb=get,list --resource=pods,deployments.apps --resource-name=x',
  clusterrole: 'create clusterrole cr --verb=get --non-resource-url=/healthz',
  'clusterrole-agg': 'create clusterrole agg --aggregation-rule=a=b',
  rolebinding: 'create rolebinding rb --role=r --user=jane --serviceaccount=default:bot --group=g',
  clusterrolebinding: 'create clusterrolebinding crb --clusterrole=view --user=jane',
  quota: 'create quota q --hard=pods=2,requests.cpu=1,limits.memory=1Gi --scopes=BestEffort -n shop',
  priorityclass: 'create priorityclass pc --value=1000 --description=hi --preemption-policy=Never',
  'priorityclass-default': 'create priorityclass pc0 --value=0 --global-default',
  ingress: 'create ingress ing --rule=foo.com/bar*=svc:8080,tls=sec --class=nginx --default-backend=def:http',
  pdb: 'create pdb pdb --selector=app=web --min-available=1',
  'pdb-percent': 'create pdb pdb2 --selector=app=web --max-unavailable=50%',
  hpa: 'autoscale deployment web --min=2 --max=5 --cpu-percent=80 -n shop',
  expose: 'expose deployment web --port=8080 --target-port=80 --name=web-exposed -n shop',
  // kubectl run and expose build unstructured objects and send JSON; kept to prove the facade takes both
  pod: 'run p --image=nginx --port=80 --env=A=B --labels=x=y -- sleep 1',
  token: 'create token bot --duration=1h',
};

/** What `kubectl create token bot --duration=1h` builds (create_token.go): audiences nil, 3600 s. */
const TOKEN_REQUEST = {
  kind: 'TokenRequest',
  apiVersion: 'authentication.k8s.io/v1',
  metadata: { creationTimestamp: null },
  spec: { audiences: null, expirationSeconds: 3600, boundObjectRef: null },
  status: { token: '', expirationTimestamp: null },
};

function kubectl(kubeconfig: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { timeout: 30_000 }, (_e, stdout, stderr) => resolve({ stdout, stderr }));
  });
}

/** JSON with sorted keys: Go prints struct fields in declaration order, which the server never depends on. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

/** The scenario's quoting is kept out of the table: '_' stands for a space inside one argument. */
function argsOf(line: string): string[] {
  return line.split(' ').map((a) => a.replace(/_/g, ' '));
}

if (!existsSync(KUBECTL)) console.log(`protobuf-capture.test: ${KUBECTL} not installed; skipping the comparison with the real kubectl's request bodies`);

describe.skipIf(!existsSync(KUBECTL))('protobuf bodies sent by the real kubectl', () => {
  it('decode to exactly what --dry-run=client -o json prints, for every generator', async () => {
    const cluster = createCluster({ seed: 3 });
    cluster.settle({ maxMs: 10_000 });
    const captured: FacadeRequest[] = [];
    const server = await startKubeApiServer({ cluster, manualTime: true, onRequest: (r) => (r.method === 'POST' ? captured.push(r) : undefined) });
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubelab-pb-')), 'k.kubeconfig');
    writeFileSync(kubeconfig, kubeconfigFor(server.url));
    const mismatches: string[] = [];
    const json: string[] = [];
    try {
      await kubectl(kubeconfig, ['create', 'namespace', 'shop']);
      for (const [name, line] of Object.entries(GENERATORS)) {
        const args = argsOf(line);
        const dash = args.includes('--') ? args.indexOf('--') : args.length;
        const dry = await kubectl(kubeconfig, [...args.slice(0, dash), '--dry-run=client', '-o', 'json', ...args.slice(dash)]);
        if (name === 'token') dry.stdout = JSON.stringify(TOKEN_REQUEST); // create token has no --dry-run
        if (!dry.stdout.startsWith('{')) {
          mismatches.push(`${name}: --dry-run=client failed: ${dry.stderr.trim()}`);
          continue;
        }
        const expected = JSON.parse(dry.stdout);
        captured.length = 0;
        await kubectl(kubeconfig, argsOf(line));
        const post = captured.find((r) => r.bodyBytes) ?? captured.find((r) => r.body);
        if (!post) {
          mismatches.push(`${name}: no POST`);
          continue;
        }
        if (!post.bodyBytes) {
          json.push(name);
          // expose leaves the namespace to the URL; --dry-run prints it in metadata
          const sent = JSON.parse(post.body!);
          if (expected.metadata?.namespace && !sent.metadata?.namespace) sent.metadata.namespace = expected.metadata.namespace;
          if (canonical(sent) !== canonical(expected)) mismatches.push(`${name}: JSON body differs from --dry-run output:\n  real: ${canonical(expected)}\n  sent: ${canonical(JSON.parse(post.body!))}`);
          continue;
        }
        if (process.env.CAPTURE_PROTOBUF_FIXTURES) {
          writeFileSync(join(FIXTURES, `${name}.pb`), post.bodyBytes);
          writeFileSync(join(FIXTURES, `${name}.json`), `${JSON.stringify(expected, null, 2)}\n`);
        }
        const got = decodeKubernetesProtobuf(post.bodyBytes);
        if (canonical(got) !== canonical(expected)) mismatches.push(`${name}:\n  real: ${JSON.stringify(expected)}\n  ours: ${JSON.stringify(got)}`);
      }
    } finally {
      await server.close();
    }
    expect(mismatches.join('\n')).toBe('');
    expect(json).toEqual(['expose', 'pod']);
  }, 180_000);
});
