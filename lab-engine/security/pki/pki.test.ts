import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../base/rng';
import { ClusterPki } from './cluster-pki';
import { KEY_POOL } from './key-pool';
import { parsePrivateKey } from './rsa';
import { certificateText, requestText } from './text';
import { createCsr, isSignedBy, parseCertificate, parseCsr } from './x509';

const INPUTS = { seed: 7, bootMs: Date.UTC(2026, 10, 2, 9, 5, 1), controlPlaneName: 'controlplane', controlPlaneIP: '192.168.1.2' };

function openssl(args: string[]): string | undefined {
  try {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const hasOpenssl = openssl(['version']) !== undefined;
if (!hasOpenssl) console.log('pki.test: openssl not installed; skipping the comparisons with the real openssl');

describe('cluster PKI', () => {
  const pki = ClusterPki.for(INPUTS, new Rng(INPUTS.seed).derive('pki'));

  it('is a pure function of its inputs', () => {
    const other = ClusterPki.for({ ...INPUTS }, new Rng(INPUTS.seed).derive('pki'));
    expect(other.pair('admin.conf').certPem).toBe(pki.pair('admin.conf').certPem);
    expect(pki.pair('ca').certPem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(pki.pair('ca').keyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  });

  it('signs leaves with the right CA and kubeadm validity', () => {
    const ca = parseCertificate(pki.pair('ca').certPem)!;
    const etcdCa = parseCertificate(pki.pair('etcd/ca').certPem)!;
    const api = parseCertificate(pki.pair('apiserver').certPem)!;
    const etcdServer = parseCertificate(pki.pair('etcd/server').certPem)!;
    expect(isSignedBy(api, ca)).toBe(true);
    expect(isSignedBy(etcdServer, etcdCa)).toBe(true);
    expect(isSignedBy(etcdServer, ca)).toBe(false);
    expect(api.validity.notBefore.getTime()).toBe(INPUTS.bootMs - 5 * 60_000);
    expect(api.validity.notAfter.getTime()).toBe(INPUTS.bootMs + 365 * 86_400_000);
    expect(ca.validity.notAfter.getTime() - ca.validity.notBefore.getTime()).toBe(10 * 365 * 86_400_000);
  });

  it.skipIf(!hasOpenssl)('prints x509 -text exactly as openssl 3.0 does, and openssl verifies the chain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pki-'));
    for (const name of ['ca', 'apiserver', 'etcd/server', 'admin.conf']) {
      const file = join(dir, `${name.replace('/', '_')}.crt`);
      writeFileSync(file, pki.pair(name).certPem);
      expect(certificateText(parseCertificate(pki.pair(name).certPem)!)).toBe(openssl(['x509', '-in', file, '-noout', '-text']));
    }
    writeFileSync(join(dir, 'key'), pki.pair('apiserver').keyPem);
    expect(openssl(['rsa', '-in', join(dir, 'key'), '-noout', '-check'])).toContain('RSA key ok');
    expect(openssl(['verify', '-CAfile', join(dir, 'ca.crt'), join(dir, 'apiserver.crt')])).toContain('OK');
  });
});

describe('certificate requests', () => {
  const key = parsePrivateKey(KEY_POOL[3])!;
  const subject = [{ short: 'CN', value: 'myuser' }, { short: 'O', value: 'dev' }];

  it('round-trips subject and verifies the signature', () => {
    const parsed = parseCsr(createCsr(key, subject));
    expect(parsed.ok && parsed.value.subject).toEqual(subject);
  });

  it("refuses what Go's ParseCSR refuses", () => {
    expect(parseCsr('hello')).toEqual({ ok: false, error: 'PEM block type must be CERTIFICATE REQUEST' });
    expect(parseCsr(KEY_POOL[0])).toEqual({ ok: false, error: 'PEM block type must be CERTIFICATE REQUEST' });
    const pem = createCsr(key, subject);
    const broken = pem.replace(/\n([A-Za-z0-9+/]{10})/, '\nAAAAAAAAAA');
    expect(parseCsr(broken).ok).toBe(false);
  });

  it.skipIf(!hasOpenssl)('prints req -text exactly as openssl does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csr-'));
    const pem = createCsr(key, subject);
    writeFileSync(join(dir, 'my.csr'), pem);
    const parsed = parseCsr(pem);
    expect(parsed.ok && requestText(parsed.value.csr)).toBe(openssl(['req', '-in', join(dir, 'my.csr'), '-noout', '-text']));
  });
});
