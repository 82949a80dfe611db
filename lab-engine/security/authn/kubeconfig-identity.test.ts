import { describe, expect, it } from 'vitest';
import { Clock } from '../../base/clock';
import { Rng } from '../../base/rng';
import { ClusterPki } from '../pki/cluster-pki';
import { authenticate } from './kubeconfig-identity';

const BOOT_MS = Date.UTC(2026, 0, 5, 9);
const YEAR_MS = 365 * 24 * 3600 * 1000;

function pkiFor(seed: number): ClusterPki {
  return ClusterPki.for({ seed, bootMs: BOOT_MS, controlPlaneName: 'controlplane', controlPlaneIP: '192.168.1.10' }, new Rng(seed, 'pki'));
}

/** Client-certificate authentication; the expensive checks are memoised, the clock check is not. */
describe('x509 client certificates', () => {
  const pki = pkiFor(3);
  const admin = pki.pair('admin.conf');
  const env = (nowMs: number, p: ClusterPki | undefined = pki) => ({ clock: new Clock(nowMs), pki: p, serviceAccount: () => undefined });

  it('maps CN and O to the user and groups, the same on every call', () => {
    const first = authenticate({ certificatePem: admin.certPem, keyPem: admin.keyPem }, env(BOOT_MS + 1000));
    expect(first).toEqual({ ok: true, user: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
    const again = authenticate({ certificatePem: admin.certPem, keyPem: admin.keyPem }, env(BOOT_MS + 2000));
    expect(again).toEqual(first);
    // Callers get their own objects.
    if (first.ok && again.ok) expect(again.user.groups).not.toBe(first.user.groups);
  });

  it('checks validity against the clock of each call, after a cached success', () => {
    expect(authenticate({ certificatePem: admin.certPem, keyPem: admin.keyPem }, env(BOOT_MS + 1000)).ok).toBe(true);
    expect(authenticate({ certificatePem: admin.certPem, keyPem: admin.keyPem }, env(BOOT_MS + 2 * YEAR_MS))).toEqual({ ok: false, kind: 'unauthorized' });
  });

  it('refuses a certificate another cluster CA signed, and reports client-side errors', () => {
    expect(authenticate({ certificatePem: admin.certPem, keyPem: admin.keyPem }, env(BOOT_MS + 1000, pkiFor(4)))).toEqual({ ok: false, kind: 'unauthorized' });
    expect(authenticate({ certificatePem: 'junk', keyPem: admin.keyPem }, env(BOOT_MS))).toEqual({ ok: false, kind: 'client', message: 'tls: failed to find any PEM data in certificate input' });
    const other = pki.pair('ca');
    expect(authenticate({ certificatePem: admin.certPem, keyPem: other.keyPem }, env(BOOT_MS))).toMatchObject({ ok: false, kind: 'client' });
  });
});
