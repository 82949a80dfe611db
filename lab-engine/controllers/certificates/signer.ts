import type { ClusterContext } from '../../sim/context';
import type { Queue, Reconciler } from '../../sim/runtime';
import type { KubeObject } from '../../api/types';
import { decodeBase64, encodeBase64 } from '../../api/base64';
import { tolerate } from '../common/claim';
import { cloneJson } from '../../api/clone';
import { parseCsr, issueCertificate, type CertExtensions } from '../../security/pki/x509';
import { clusterPkiOf } from './pki-service';

export const CSR_RESOURCE = 'certificatesigningrequests.certificates.k8s.io';

/** kube-controller-manager --cluster-signing-duration default (8760h). */
const SIGNING_DURATION_MS = 365 * 24 * 3600 * 1000;
/** pkg/controller/certificates/authority PermissiveSigningPolicy: NotBefore = now - 5m. */
const BACKDATE_MS = 5 * 60 * 1000;

type Check = (usages: string[], csr: { subject: { short: string; value: string }[] }) => string | undefined;

/**
 * The signers kube-controller-manager's csrsigning controller serves with
 * the cluster CA (pkg/controller/certificates/signer/signer.go:
 * isKubeAPIServerClientCSR, isKubeletServing, isKubeletClient). An error
 * string means "recognised but invalid" → a Failed condition.
 */
const SIGNERS: Record<string, Check> = {
  'kubernetes.io/kube-apiserver-client': (usages) => clientUsages(usages),
  'kubernetes.io/kube-apiserver-client-kubelet': (usages, csr) => {
    const org = csr.subject.filter((n) => n.short === 'O').map((n) => n.value);
    const cn = csr.subject.find((n) => n.short === 'CN')?.value ?? '';
    if (org.length !== 1 || org[0] !== 'system:nodes') return 'subject organization is not system:nodes';
    if (!cn.startsWith('system:node:')) return 'subject common name does not begin with system:node:';
    return clientUsages(usages);
  },
  'kubernetes.io/kubelet-serving': (usages) => {
    for (const u of usages) if (!['digital signature', 'key encipherment', 'server auth'].includes(u)) return `usage not allowed: ${u}`;
    return usages.includes('server auth') ? undefined : 'missing required usage: server auth';
  },
};

/** validAPIServerClientUsages. */
function clientUsages(usages: string[]): string | undefined {
  for (const u of usages) {
    if (u === 'digital signature' || u === 'key encipherment' || u === 'client auth') continue;
    return `invalid usage for client certificate: ${u}`;
  }
  return usages.includes('client auth') ? undefined : 'missing required usage for client certificate: client auth';
}

/**
 * pkg/controller/certificates/signer: an approved, not denied, not failed CSR
 * for one of the signers above gets `status.certificate`, signed by the
 * cluster CA (/etc/kubernetes/pki/ca.crt) with the requested subject and SANs,
 * valid from now-5m for min(expirationSeconds, 1 year).
 */
export class CsrSigningController implements Reconciler {
  readonly name = 'csrsigning';
  readonly queue: Queue;

  constructor(private readonly ctx: ClusterContext) {
    this.queue = ctx.runtime.register(this);
    ctx.store.watch((e) => e.type !== 'DELETED' && this.queue.add(e.object.metadata.name ?? ''), { resource: CSR_RESOURCE });
  }

  reconcile(name: string): void {
    const csr = this.ctx.store.peek(CSR_RESOURCE, '', name);
    if (!csr || !isPendingIssue(csr)) return;
    const check = SIGNERS[csr.spec?.signerName];
    if (!check) return;
    const parsed = parseCsr(decodeBase64(String(csr.spec?.request ?? '')));
    if (!parsed.ok) return;
    const invalid = check(csr.spec?.usages ?? [], parsed.value);
    const next = cloneJson(csr);
    next.status = { ...(next.status ?? {}) };
    if (invalid) {
      const now = this.ctx.clock.nowRfc3339();
      next.status.conditions = [...(next.status.conditions ?? []), { lastTransitionTime: now, lastUpdateTime: now, message: invalid, reason: 'SignerValidationFailure', status: 'True', type: 'Failed' }];
    } else {
      next.status.certificate = encodeBase64(this.sign(csr, parsed.value));
    }
    tolerate(() => this.ctx.api().updateStatus(next));
  }

  private sign(csr: KubeObject, req: Extract<ReturnType<typeof parseCsr>, { ok: true }>['value']): string {
    const pki = clusterPkiOf(this.ctx.services);
    if (!pki) throw new Error('csrsigning: the cluster PKI service is not installed');
    const now = this.ctx.clock.nowMs();
    const ca = pki.caCertificate();
    const requested = typeof csr.spec?.expirationSeconds === 'number' ? csr.spec.expirationSeconds * 1000 : SIGNING_DURATION_MS;
    const notAfter = Math.min(now + Math.min(requested, SIGNING_DURATION_MS), ca.validity.notAfter.getTime());
    const usages: string[] = csr.spec?.usages ?? [];
    const ext: CertExtensions = {
      keyUsage: (['digitalSignature', 'keyEncipherment'] as const).filter((k) => usages.includes(k === 'digitalSignature' ? 'digital signature' : 'key encipherment')),
      extKeyUsage: [...(usages.includes('server auth') ? ['serverAuth' as const] : []), ...(usages.includes('client auth') ? ['clientAuth' as const] : [])],
      dnsNames: req.dnsNames,
      ipAddresses: req.ipAddresses,
    };
    if (ext.keyUsage?.length === 0) delete ext.keyUsage;
    return issueCertificate({
      subject: req.subject, publicKey: req.csr.publicKey as never, issuer: ca, signingKey: pki.caKey(),
      serialHex: this.serial(csr), notBeforeMs: now - BACKDATE_MS, notAfterMs: notAfter, extensions: ext,
    });
  }

  /** A 128-bit serial (authority.go: rand.Int(rand.Reader, 2^128)), from a stream named after the CSR. */
  private serial(csr: KubeObject): string {
    const r = this.ctx.rng.derive(`csrsigning/${csr.metadata.uid}`);
    let hex = (r.int(7) + 1).toString(16);
    for (let i = 0; i < 31; i++) hex += r.int(16).toString(16);
    return hex;
  }
}

/** certificates.IsCertificateRequestApproved, not yet issued nor failed. */
function isPendingIssue(csr: KubeObject): boolean {
  const types = new Set(((csr.status?.conditions ?? []) as { type: string }[]).map((c) => c.type));
  return types.has('Approved') && !types.has('Denied') && !types.has('Failed') && !csr.status?.certificate;
}
