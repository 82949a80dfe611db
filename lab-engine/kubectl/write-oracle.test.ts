import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster, type Cluster } from '../index';
import { FakeHost, splitWords } from './testing/fake-host';
import { kubeconfigFor, startKubeApiServer, type ServerHandle } from '../../scripts/kube-api-server';
import { APP, MULTI } from './testing/manifests';

/**
 * Differential test for the WRITE verbs: the real kubectl v1.32.4 against the
 * REST facade over cluster A vs our kubectl over an identical cluster B, same
 * commands, same files. Everything kubectl renders itself (messages, errors,
 * -o output, apply's merge, edit's flow) is compared byte for byte.
 * testdata/write-oracle.baseline.json lists the known differences;
 * UPDATE_WRITE_ORACLE_BASELINE=1 rewrites it.
 */
const KUBECTL = '/usr/bin/kubectl';
const BASELINE = join(__dirname, 'testdata', 'write-oracle.baseline.json');
const START_MS = Date.now() - ((Date.now() % 1000) + 1000);

interface Scenario {
  name: string;
  files?: Record<string, string>;
  setup?: string[];
  commands: string[];
}


const SCENARIOS: Scenario[] = [
  {
    name: 'create generators on the server',
    commands: [
      'create deployment web --image=nginx',
      'create deployment web --image=nginx',
      'create deployment web2 --image=nginx -o yaml',
      'create namespace team-a',
      'create namespace team-a',
      'create configmap cfg --from-literal=a=b -n team-a',
      'create secret generic sec --from-literal=a=b',
      'create secret generic sec --from-literal=a=b',
      'create serviceaccount bot',
      'create role r1 --verb=get --resource=pods',
      'create role r2 --verb=get,list --resource=pods,deployments.apps,pods/log --dry-run=client -o yaml',
      'create role r3 --verb=get --resource=foos',
      'create rolebinding rb1 --role=r1 --user=jane',
      'create clusterrole cr1 --verb=get --resource=nodes',
      'create clusterrolebinding crb1 --clusterrole=view --group=devs',
      "create cronjob cj1 --image=busybox --schedule='*/5 * * * *'",
      'create job j1 --image=busybox',
      'create job j2 --from=cronjob/cj1',
      "create ingress ing1 --rule='foo.com/=web:80'",
      'create pdb pdb1 --selector=app=web --min-available=1',
      'create quota q1 --hard=pods=10',
      'create priorityclass pc1 --value=100',
      'create service clusterip web --tcp=80:80',
      'create token bot --duration=1h -o name',
      'create deployment bad --image=nginx --replicas=-1',
      'create configmap cfg2 --from-literal=a=b --dry-run=server',
    ],
  },
  {
    name: 'files: create, apply, delete',
    files: { 'app.yaml': APP, 'app-v2.yaml': APP.replace('replicas: 1', 'replicas: 2'), 'multi.yaml': MULTI },
    commands: [
      'create -f app.yaml',
      'create -f app.yaml',
      'apply -f app.yaml',
      'apply -f app-v2.yaml',
      'apply -f app-v2.yaml',
      'apply -f multi.yaml',
      'apply -f multi.yaml',
      'apply -f multi.yaml -o name',
      'create -f multi.yaml',
      'apply view-last-applied configmap cfg',
      'apply view-last-applied configmap cfg -o json',
      'get configmap cfg -o jsonpath={.metadata.annotations}',
      'diff -f app.yaml',
      'delete -f multi.yaml',
      'delete -f multi.yaml',
      'apply -f app.yaml --dry-run=client -o yaml',
      'apply -f app.yaml --dry-run=server',
      'create -f nope.yaml',
    ],
  },
  {
    name: 'imperative verbs',
    setup: ['create deployment web --image=nginx:1.25 --replicas=2', 'create configmap cfg --from-literal=a=b'],
    commands: [
      'label deployment web env=prod',
      'label deployment web env=dev',
      'label deployment web env=dev --overwrite',
      'label deployment web env-',
      'label deployment web env-',
      'label deployment web --list',
      'annotate deployment web note=hello',
      'annotate deployment web note=again',
      'annotate deployment web note-',
      'scale deployment web --replicas=3',
      'scale deployment web --replicas=3 --current-replicas=2',
      'scale deploy nosuch --replicas=3',
      'scale deployment web',
      'set image deployment/web nginx=nginx:1.27',
      'set image deployment/web nosuch=nginx:1.27',
      'set env deployment/web FOO=bar',
      'set env deployment/web --list',
      'set env deployment/web --from=configmap/cfg',
      'set env deployment/web --list',
      'set resources deployment/web --limits=cpu=200m --requests=cpu=100m',
      'set serviceaccount deployment web default',
      `patch deployment web -p '{"spec":{"replicas":4}}'`,
      `patch deployment web -p '{"spec":{"replicas":4}}'`,
      `patch deployment web --type=merge -p '{"metadata":{"labels":{"x":"y"}}}'`,
      `patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`,
      'patch deployment web',
      'expose deployment web --port=8080 --target-port=80 --name=web-exposed',
      'expose deployment web --port=80',
      'expose deployment web --port=80',
      'autoscale deployment web --min=2 --max=5 --cpu-percent=80',
      'run test --image=nginx',
      'run test --image=nginx',
      'run test2 --image=nginx --port=80 --expose',
      'run test3 --image=busybox --restart=Never --dry-run=server -o yaml -- sleep 10',
      // Pod and Deployment deletions wait for graceful termination, which the facade's
      // manual clock never reaches for the real kubectl: covered by write-verbs.test.ts.
      'delete service test2',
      'delete pod nosuch',
      'delete pod nosuch --ignore-not-found',
      'delete pods -l run=nothing',
      'delete configmap cfg secret/sec',
      'delete rs --all',
    ],
  },
  {
    name: 'nodes',
    commands: [
      'cordon node01',
      'cordon node01',
      'uncordon node01',
      'uncordon node01',
      'taint nodes node01 dedicated=special:NoSchedule',
      'taint nodes node01 dedicated=special:NoSchedule',
      'taint nodes node01 dedicated=other:NoSchedule --overwrite',
      'taint nodes node01 dedicated:NoSchedule-',
      'taint nodes node01 dedicated:NoSchedule-',
      'taint node node01 a=b:Bad',
      'drain node02 --dry-run=client',
      'drain node02 --ignore-daemonsets --dry-run=client',
    ],
  },
];

function run(kubeconfig: string, cwd: string, line: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(KUBECTL, ['--kubeconfig', kubeconfig, ...splitWords(line)], { cwd, timeout: 20_000, env: { ...process.env, KUBECTL_COMMAND_HEADERS: 'false' } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

const normalize = (s: string) => s.replace(/^[EIW]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ /gm, 'klog ').replace(/(LIVE|MERGED)-\d+/g, '$1-N').replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \+0000/g, '\tTIME');

interface Outcome {
  key: string;
  same: boolean;
  diff?: string;
}
const outcomes: Outcome[] = [];

function firstDiff(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) if (al[i] !== bl[i]) return `line ${i + 1}:\n  real: ${JSON.stringify(al[i] ?? '<eof>')}\n  ours: ${JSON.stringify(bl[i] ?? '<eof>')}`;
  return '';
}

async function runScenario(s: Scenario, server: ServerHandle, ours: FakeHost, oursCluster: Cluster, kubeconfig: string, cwd: string): Promise<void> {
  for (const command of s.commands) {
    const real = await run(kubeconfig, cwd, command);
    const mine = await ours.exec(splitWords(command));
    const r = [normalize(real.stdout), normalize(real.stderr), real.code];
    const m = [normalize(mine.stdout), normalize(mine.stderr), mine.code];
    const same = JSON.stringify(r) === JSON.stringify(m);
    const diff = same ? undefined : [real.code !== mine.code ? `exit code: real ${real.code}, ours ${mine.code}` : '', firstDiff(r[0] as string, m[0] as string), firstDiff(r[1] as string, m[1] as string)].filter(Boolean).join('\n');
    outcomes.push({ key: `${s.name} :: ${command}`, same, diff });
    server.cluster.advance(1000);
    oursCluster.advance(1000);
  }
}

const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.log(`write oracle: skipped — no real kubectl at ${KUBECTL}`);

describe.skipIf(!hasKubectl)('write verbs: real kubectl vs ours (differential)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-write-oracle-'));
  for (const s of SCENARIOS) {
    it(`scenario: ${s.name}`, async () => {
      const opts = { seed: 11, topology: 'default', startMs: START_MS };
      const a = createCluster(opts);
      const b = createCluster(opts);
      const hostA = new FakeHost(a);
      const hostB = new FakeHost(b);
      const cwd = join(dir, s.name.replace(/\W+/g, '-'));
      mkdirSync(cwd, { recursive: true });
      for (const [name, text] of Object.entries(s.files ?? {})) {
        writeFileSync(join(cwd, name), text);
        hostB.writeFile(name, text);
      }
      for (const line of s.setup ?? []) {
        await hostA.exec(splitWords(line));
        await hostB.exec(splitWords(line));
      }
      a.settle({ maxMs: 30_000 });
      b.settle({ maxMs: 30_000 });
      const server = await startKubeApiServer({ cluster: a, manualTime: true });
      const kubeconfig = join(cwd, 'kubeconfig');
      writeFileSync(kubeconfig, kubeconfigFor(server.url));
      try {
        await runScenario(s, server, hostB, b, kubeconfig, cwd);
      } finally {
        await server.close();
      }
    }, 180_000);
  }

  afterAll(() => {
    const differing = outcomes.filter((o) => !o.same);
    const lines = [`write oracle: ${outcomes.length - differing.length} identical / ${differing.length} differing of ${outcomes.length}`];
    for (const d of differing) lines.push(`--- ${d.key}\n${d.diff}`);
    console.log(lines.join('\n'));
    const keys = differing.map((d) => d.key);
    if (process.env.UPDATE_WRITE_ORACLE_BASELINE) {
      writeFileSync(BASELINE, `${JSON.stringify({ knownDifferences: keys }, null, 2)}\n`);
      return;
    }
    const known = existsSync(BASELINE) ? new Set<string>(JSON.parse(readFileSync(BASELINE, 'utf8')).knownDifferences) : new Set<string>();
    expect(keys.filter((k) => !known.has(k)), 'new differences (regressions) — see the summary above').toEqual([]);
  });
});
