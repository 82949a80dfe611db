import forge from 'node-forge';
import type { Rng } from '../../base/rng';
import { KEY_POOL } from './key-pool';
import { parsePrivateKey, toPkcs1Pem, publicKeyPem, type RsaKey } from './rsa';
import { issueCertificate, parseCertificate, type CertExtensions, type NameEntry } from './x509';

/**
 * The cluster's PKI as `kubeadm init` (v1.32) lays it out under
 * /etc/kubernetes/pki: the cluster CA, front-proxy CA, etcd CA and the leaf
 * certificates signed by them (cmd/kubeadm/app/phases/certs/certlist.go), plus
 * the client certificates of the kubeconfig files. Everything is a pure
 * function of (seed, boot time, control-plane name and address) and is made
 * only when first asked for (an RSA signature costs ~15 ms), then cached for
 * the process, so sessions with the same inputs share the work.
 */
export const CLUSTER_PKI_SERVICE = 'pki';

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** kubeadm backdates NotBefore (pkiutil: `NotBefore: now.Add(-kubeadmconstants.CertificateBackdate)`), 5 minutes. */
const BACKDATE_MS = 5 * 60 * 1000;

export interface PkiInputs {
  seed: number;
  /** When kubeadm init ran (the cluster's boot time on the virtual clock). */
  bootMs: number;
  controlPlaneName: string;
  controlPlaneIP: string;
}

export interface CertPair {
  certPem: string;
  keyPem: string;
}

interface LeafSpec {
  ca: 'ca' | 'front-proxy-ca' | 'etcd/ca';
  subject: NameEntry[];
  ext: CertExtensions;
}

const CLIENT: CertExtensions = { keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['clientAuth'] };
const CA_EXT: CertExtensions = { ca: true, keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign'], subjectKeyId: true };

const CACHE = new Map<string, ClusterPki>();

export class ClusterPki {
  private readonly pairs = new Map<string, CertPair>();
  private readonly rng: Rng;

  private constructor(readonly inputs: PkiInputs, rng: Rng) {
    this.rng = rng;
  }

  /** One instance per distinct inputs in the process (the certificates are pure functions of them). */
  static for(inputs: PkiInputs, rng: Rng): ClusterPki {
    const key = JSON.stringify(inputs);
    let pki = CACHE.get(key);
    if (!pki) {
      if (CACHE.size > 32) CACHE.clear();
      pki = new ClusterPki(inputs, rng);
      CACHE.set(key, pki);
    }
    return pki;
  }

  /** Pool index of a named key: a fixed function of seed and name. */
  private keyPemFor(name: string): string {
    const r = this.rng.derive(`key/${name}`);
    return KEY_POOL[r.int(KEY_POOL.length)];
  }

  private serialFor(name: string): string {
    const r = this.rng.derive(`serial/${name}`);
    // kubeadm: a random positive int63 (pkiutil.NewSignedCert).
    let hex = (r.int(7) + 1).toString(16);
    for (let i = 0; i < 15; i++) hex += r.int(16).toString(16);
    return hex;
  }

  private caSubject(name: string): NameEntry[] {
    return [{ short: 'CN', value: name === 'ca' ? 'kubernetes' : name === 'etcd/ca' ? 'etcd-ca' : 'front-proxy-ca' }];
  }

  /** A CA pair: self-signed, 10 years (kubeadm's CA validity). */
  private caPair(name: 'ca' | 'front-proxy-ca' | 'etcd/ca'): CertPair {
    const got = this.pairs.get(name);
    if (got) return got;
    const key = parsePrivateKey(this.keyPemFor(name)) as RsaKey;
    const subject = this.caSubject(name);
    const notBefore = this.inputs.bootMs - BACKDATE_MS;
    const certPem = issueCertificate({
      subject, publicKey: key.publicKey, signingKey: key, serialHex: this.serialFor(name),
      notBeforeMs: notBefore, notAfterMs: notBefore + 10 * YEAR_MS,
      extensions: { ...CA_EXT, dnsNames: [subject[0].value] },
    });
    const pair = { certPem, keyPem: toPkcs1Pem(key) };
    this.pairs.set(name, pair);
    return pair;
  }

  private leafSpec(name: string): LeafSpec | undefined {
    const { controlPlaneName: host, controlPlaneIP: ip } = this.inputs;
    const etcdSans = { dnsNames: [host, 'localhost'], ipAddresses: [ip, '127.0.0.1', '::1'] };
    const specs: Record<string, LeafSpec> = {
      apiserver: { ca: 'ca', subject: [{ short: 'CN', value: 'kube-apiserver' }], ext: { keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['serverAuth'], dnsNames: [host, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'], ipAddresses: ['10.96.0.1', ip] } },
      'apiserver-kubelet-client': { ca: 'ca', subject: [{ short: 'O', value: 'kubeadm:cluster-admins' }, { short: 'CN', value: 'kube-apiserver-kubelet-client' }], ext: CLIENT },
      'front-proxy-client': { ca: 'front-proxy-ca', subject: [{ short: 'CN', value: 'front-proxy-client' }], ext: CLIENT },
      'etcd/server': { ca: 'etcd/ca', subject: [{ short: 'CN', value: host }], ext: { keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['serverAuth', 'clientAuth'], ...etcdSans } },
      'etcd/peer': { ca: 'etcd/ca', subject: [{ short: 'CN', value: host }], ext: { keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['serverAuth', 'clientAuth'], ...etcdSans } },
      'etcd/healthcheck-client': { ca: 'etcd/ca', subject: [{ short: 'CN', value: 'kube-etcd-healthcheck-client' }], ext: CLIENT },
      'apiserver-etcd-client': { ca: 'etcd/ca', subject: [{ short: 'CN', value: 'kube-apiserver-etcd-client' }], ext: CLIENT },
      'admin.conf': { ca: 'ca', subject: [{ short: 'O', value: 'kubeadm:cluster-admins' }, { short: 'CN', value: 'kubernetes-admin' }], ext: CLIENT },
      'super-admin.conf': { ca: 'ca', subject: [{ short: 'O', value: 'system:masters' }, { short: 'CN', value: 'kubernetes-super-admin' }], ext: CLIENT },
      'controller-manager.conf': { ca: 'ca', subject: [{ short: 'CN', value: 'system:kube-controller-manager' }], ext: CLIENT },
      'scheduler.conf': { ca: 'ca', subject: [{ short: 'CN', value: 'system:kube-scheduler' }], ext: CLIENT },
    };
    if (name.startsWith('kubelet.conf/')) {
      const node = name.slice('kubelet.conf/'.length);
      return { ca: 'ca', subject: [{ short: 'O', value: 'system:nodes' }, { short: 'CN', value: `system:node:${node}` }], ext: CLIENT };
    }
    return specs[name];
  }

  /**
   * A named pair: `ca`, `front-proxy-ca`, `etcd/ca`, the leaf names of
   * /etc/kubernetes/pki (`apiserver`, `etcd/server`, …) and the kubeconfig
   * users (`admin.conf`, `super-admin.conf`, `kubelet.conf/<node>`, …).
   */
  pair(name: string): CertPair {
    if (name === 'ca' || name === 'front-proxy-ca' || name === 'etcd/ca') return this.caPair(name);
    const got = this.pairs.get(name);
    if (got) return got;
    const spec = this.leafSpec(name);
    if (!spec) throw new Error(`pki: unknown certificate ${name}`);
    const ca = this.caPair(spec.ca);
    const caCert = parseCertificate(ca.certPem) as forge.pki.Certificate;
    const caKey = parsePrivateKey(ca.keyPem) as RsaKey;
    const key = parsePrivateKey(this.keyPemFor(name)) as RsaKey;
    const notBefore = caCert.validity.notBefore.getTime();
    const certPem = issueCertificate({
      subject: spec.subject, publicKey: key.publicKey, issuer: caCert, signingKey: caKey, serialHex: this.serialFor(name),
      notBeforeMs: notBefore, notAfterMs: this.inputs.bootMs + YEAR_MS, extensions: spec.ext,
    });
    const pair = { certPem, keyPem: toPkcs1Pem(key) };
    this.pairs.set(name, pair);
    return pair;
  }

  /**
   * `kubeadm certs renew NAME`: the same key, subject and extensions, signed
   * again by its CA, valid from now - 5 min for a year (capped by the CA).
   * Not cached: each renewal is a new certificate (serial from `serialHex`).
   */
  renewed(name: string, nowMs: number, serialHex: string): string {
    const spec = this.leafSpec(name);
    if (!spec) throw new Error(`pki: unknown certificate ${name}`);
    const ca = this.caPair(spec.ca);
    const caCert = parseCertificate(ca.certPem) as forge.pki.Certificate;
    const key = parsePrivateKey(this.pair(name).keyPem) as RsaKey;
    return issueCertificate({
      subject: spec.subject, publicKey: key.publicKey, issuer: caCert, signingKey: parsePrivateKey(ca.keyPem) as RsaKey, serialHex,
      notBeforeMs: nowMs - BACKDATE_MS, notAfterMs: Math.min(nowMs + YEAR_MS, caCert.validity.notAfter.getTime()), extensions: spec.ext,
    });
  }

  /**
   * The kubelet's self-signed serving certificate, /var/lib/kubelet/pki/kubelet.{crt,key}
   * (client-go util/cert GenerateSelfSignedCertKeyWithFixtures): a throwaway CA
   * `<node>-ca@<unix seconds>` signs `<node>@<unix seconds>` (server auth, SAN DNS:<node>),
   * both from an hour before the kubelet started for a year; the file holds the leaf then the CA.
   */
  kubeletServing(node: string): { chainPem: string; keyPem: string } {
    const cacheKey = `kubelet-serving/${node}`;
    const got = this.pairs.get(cacheKey);
    if (got) return { chainPem: got.certPem, keyPem: got.keyPem };
    const seconds = Math.floor(this.inputs.bootMs / 1000);
    const from = this.inputs.bootMs - 3600_000;
    const caKey = parsePrivateKey(this.keyPemFor(`kubelet-ca/${node}`)) as RsaKey;
    const caSubject = [{ short: 'CN', value: `${node}-ca@${seconds}` }];
    const caPem = issueCertificate({
      subject: caSubject, publicKey: caKey.publicKey, signingKey: caKey, serialHex: this.serialFor(`kubelet-ca/${node}`),
      notBeforeMs: from, notAfterMs: from + YEAR_MS, extensions: { ca: true, keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign'], subjectKeyId: true },
    });
    const key = parsePrivateKey(this.keyPemFor(`kubelet-serving/${node}`)) as RsaKey;
    const leaf = issueCertificate({
      subject: [{ short: 'CN', value: `${node}@${seconds}` }], publicKey: key.publicKey, issuer: parseCertificate(caPem), signingKey: caKey,
      serialHex: this.serialFor(`kubelet-serving/${node}`), notBeforeMs: from, notAfterMs: from + YEAR_MS,
      extensions: { keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['serverAuth'], dnsNames: [node] },
    });
    const pair = { certPem: leaf + caPem, keyPem: toPkcs1Pem(key) };
    this.pairs.set(cacheKey, pair);
    return { chainPem: pair.certPem, keyPem: pair.keyPem };
  }

  /** /etc/kubernetes/pki/sa.key and sa.pub (a key pair, no certificate). */
  serviceAccountKey(): { keyPem: string; pubPem: string } {
    const key = parsePrivateKey(this.keyPemFor('sa')) as RsaKey;
    return { keyPem: toPkcs1Pem(key), pubPem: publicKeyPem(key.publicKey) };
  }

  caCertificate(): forge.pki.Certificate {
    return parseCertificate(this.caPair('ca').certPem) as forge.pki.Certificate;
  }

  caKey(): RsaKey {
    return parsePrivateKey(this.caPair('ca').keyPem) as RsaKey;
  }
}

/** The names `kubeadm certs check-expiration` lists, in its order, with the CA each is signed by. */
export const KUBEADM_CERTS: { name: string; pair: string; ca: string; externallyManaged?: boolean }[] = [
  { name: 'admin.conf', pair: 'admin.conf', ca: 'ca' },
  { name: 'apiserver', pair: 'apiserver', ca: 'ca' },
  { name: 'apiserver-etcd-client', pair: 'apiserver-etcd-client', ca: 'etcd-ca' },
  { name: 'apiserver-kubelet-client', pair: 'apiserver-kubelet-client', ca: 'ca' },
  { name: 'controller-manager.conf', pair: 'controller-manager.conf', ca: 'ca' },
  { name: 'etcd-healthcheck-client', pair: 'etcd/healthcheck-client', ca: 'etcd-ca' },
  { name: 'etcd-peer', pair: 'etcd/peer', ca: 'etcd-ca' },
  { name: 'etcd-server', pair: 'etcd/server', ca: 'etcd-ca' },
  { name: 'front-proxy-client', pair: 'front-proxy-client', ca: 'front-proxy-ca' },
  { name: 'scheduler.conf', pair: 'scheduler.conf', ca: 'ca' },
  { name: 'super-admin.conf', pair: 'super-admin.conf', ca: 'ca' },
];
