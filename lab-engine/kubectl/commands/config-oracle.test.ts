import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../index';
import { splitWords } from '../testing/fake-host';

/**
 * `kubectl config …` is client-side: the same command lines run through the
 * real kubectl v1.32.4 (offline, against a kubeconfig file in a temp dir) and
 * through the emulation (the same path inside the session's filesystem) must
 * print the same stdout/stderr/exit code and leave the same file.
 */
function realKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HAS_KUBECTL = realKubectl();
if (!HAS_KUBECTL) console.log('config-oracle.test: real kubectl not installed; skipping');

const CA = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUJ1Fc\n-----END CERTIFICATE-----\n';

const SCRIPT = [
  'config set-cluster kubernetes --server=https://192.168.1.2:6443 --certificate-authority=ca.crt --embed-certs=true',
  'config set-cluster k2 --server=https://x:6443 --insecure-skip-tls-verify=true',
  'config set-cluster k2 --server=https://y:6443',
  'config set-cluster k3 --server=https://z:6443 --certificate-authority=nope.crt --embed-certs=true',
  'config set-cluster k3 --certificate-authority=ca.crt --insecure-skip-tls-verify=true',
  'config set-cluster k4 --certificate-authority=ca.crt',
  'config set-credentials u1 --token=abc',
  'config set-credentials u2 --client-certificate=ca.crt --client-key=ca.crt',
  'config set-credentials u3 --client-certificate=ca.crt --client-key=ca.crt --embed-certs=true',
  'config set-credentials u4 --client-certificate=nope.crt --embed-certs=true',
  'config set-context c1 --cluster=kubernetes --user=u1 --namespace=dev',
  'config set-context c1 --namespace=prod',
  'config set-context lone --cluster=k2',
  'config use-context c1',
  'config get-users',
  'config get-clusters',
  'config get-contexts',
  'config current-context',
  'config view',
  'config view --raw',
  'config view --minify',
  'config view --minify --flatten',
  'config rename-context c1 c2',
  'config rename-context nope c3',
  'config rename-context c2 lone',
  'config view -o jsonpath={.current-context}',
  'config delete-context lone',
  'config delete-context lone',
  'config delete-user u4',
  'config delete-user u1',
  'config delete-cluster k2',
  'config delete-cluster k2',
  'config set contexts.c2.namespace kube-system',
  'config set users.u2.token xyz',
  'config unset users.u2.token',
  'config unset users.nope',
  'config set current-context other',
  'config use-context nope',
  'config delete-context c2',
  'config unset current-context',
  'config unset contexts',
  'config view',
];

describe.skipIf(!HAS_KUBECTL)('kubectl config against the real kubectl', () => {
  it('prints the same and writes the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcfg-'));
    writeFileSync(join(dir, 'ca.crt'), CA);
    const s = await createSession({ seed: 3 });
    await s.saveFile(`${dir}/ca.crt`, CA);
    await s.run(`cd ${dir} && export KUBECONFIG=${dir}/kc`);
    for (const line of SCRIPT) {
      const real = spawnSync('kubectl', splitWords(line), { cwd: dir, env: { ...process.env, KUBECONFIG: join(dir, 'kc') }, encoding: 'utf8' });
      const ours = await s.run(`kubectl ${line}`);
      // get-clusters ranges over a Go map: its order is random in kubectl, compare the sets.
      const norm = (out: string) => (line === 'config get-clusters' ? out.split('\n').sort().join('\n') : out);
      expect({ line, stdout: norm(ours.stdout), stderr: ours.stderr, code: ours.exitCode }).toEqual({ line, stdout: norm(real.stdout), stderr: real.stderr, code: real.status });
    }
    expect((await s.run(`cat ${dir}/kc`)).stdout).toBe(readFileSync(join(dir, 'kc'), 'utf8'));
  }, 120_000);

  it('--kubeconfig FILE: config set-* creates it, reads use it, a missing one is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcfg-'));
    const s = await createSession({ seed: 3 });
    await s.run(`mkdir -p ${dir} && cd ${dir}`);
    const lines = [
      `config --kubeconfig ${dir}/new.kc set-context a --cluster=b`,
      `config --kubeconfig ${dir}/new.kc get-contexts`,
      `get pods --kubeconfig ${dir}/missing.kc`,
    ];
    for (const line of lines) {
      const real = spawnSync('kubectl', splitWords(line), { cwd: dir, encoding: 'utf8' });
      const ours = await s.run(`kubectl ${line}`);
      expect({ line, stdout: ours.stdout, stderr: ours.stderr, code: ours.exitCode }).toEqual({ line, stdout: real.stdout, stderr: real.stderr, code: real.status });
    }
    expect((await s.run(`cat ${dir}/new.kc`)).stdout).toBe(readFileSync(join(dir, 'new.kc'), 'utf8'));
    // The default kubeconfig is untouched.
    expect((await s.run('kubectl config current-context')).stdout).toBe('kubernetes-admin@kubernetes\n');
  }, 60_000);
});
