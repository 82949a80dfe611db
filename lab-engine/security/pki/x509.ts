import forge from 'node-forge';
import { normalizePem, type RsaKey } from './rsa';

/**
 * X.509 certificates and PKCS#10 requests for the simulated PKI (node-forge
 * ASN.1, deterministic signatures from rsa.ts). Distinguished names are kept
 * in certificate order as `{short, value}` pairs, the way OpenSSL prints them.
 */
export interface NameEntry {
  short: string;
  value: string;
}

export interface CertExtensions {
  ca?: boolean;
  keyUsage?: ('digitalSignature' | 'keyEncipherment' | 'keyCertSign')[];
  extKeyUsage?: ('serverAuth' | 'clientAuth')[];
  dnsNames?: string[];
  ipAddresses?: string[];
  subjectKeyId?: boolean;
  /** `openssl req -x509`: SKI, AKI = own SKI, basicConstraints CA:TRUE, in that order. */
  selfAuthorityKeyId?: boolean;
}

export interface IssueOptions {
  subject: NameEntry[];
  publicKey: forge.pki.rsa.PublicKey;
  /** Self-signed when omitted. */
  issuer?: forge.pki.Certificate;
  signingKey: RsaKey;
  /** Hex, without leading zeros beyond what DER needs. */
  serialHex: string;
  notBeforeMs: number;
  notAfterMs: number;
  extensions: CertExtensions;
  /** A version 1 certificate without extensions (`openssl x509 -req` without -extfile). */
  version1?: boolean;
}

const SHORT_TO_FORGE: Record<string, string> = {
  CN: 'commonName', O: 'organizationName', OU: 'organizationalUnitName', C: 'countryName',
  ST: 'stateOrProvinceName', L: 'localityName', emailAddress: 'emailAddress', serialNumber: 'serialName',
};

/** OpenSSL's short names for the attribute types forge knows. */
const OID_TO_SHORT: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.8': 'ST', '2.5.4.7': 'L',
  '1.2.840.113549.1.9.1': 'emailAddress', '2.5.4.5': 'serialNumber',
};

export function isKnownAttribute(short: string): boolean {
  return SHORT_TO_FORGE[short] !== undefined;
}

function toForgeAttrs(name: NameEntry[]): forge.pki.CertificateField[] {
  return name.map((n) => ({ name: SHORT_TO_FORGE[n.short], value: n.value, valueTagClass: n.short === 'C' ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8 } as unknown as forge.pki.CertificateField));
}

export function namesOf(attrs: forge.pki.CertificateField[]): NameEntry[] {
  return attrs.map((a) => ({ short: OID_TO_SHORT[a.type ?? ''] ?? a.shortName ?? a.type ?? '?', value: String(a.value) }));
}

/** OpenSSL's one-line form: `CN = myuser, O = dev`. */
export function onelineName(name: NameEntry[]): string {
  return name.map((n) => `${n.short} = ${n.value.includes(',') ? `"${n.value}"` : n.value}`).join(', ');
}

function extensionList(o: IssueOptions, ext: CertExtensions): object[] {
  if (ext.selfAuthorityKeyId) {
    return [{ name: 'subjectKeyIdentifier' }, { name: 'authorityKeyIdentifier', keyIdentifier: true }, { name: 'basicConstraints', critical: true, cA: true }];
  }
  const list: object[] = [];
  if (ext.keyUsage) {
    list.push({ name: 'keyUsage', critical: true, digitalSignature: ext.keyUsage.includes('digitalSignature'), keyEncipherment: ext.keyUsage.includes('keyEncipherment'), keyCertSign: ext.keyUsage.includes('keyCertSign') });
  }
  if (ext.extKeyUsage?.length) list.push({ name: 'extKeyUsage', serverAuth: ext.extKeyUsage.includes('serverAuth'), clientAuth: ext.extKeyUsage.includes('clientAuth') });
  list.push({ name: 'basicConstraints', critical: true, cA: !!ext.ca });
  if (ext.subjectKeyId) list.push({ name: 'subjectKeyIdentifier' });
  if (o.issuer) {
    const ski = o.issuer.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | undefined;
    if (ski?.subjectKeyIdentifier) list.push({ name: 'authorityKeyIdentifier', keyIdentifier: forge.util.hexToBytes(ski.subjectKeyIdentifier) });
  }
  const alt = [...(ext.dnsNames ?? []).map((d) => ({ type: 2, value: d })), ...(ext.ipAddresses ?? []).map((ip) => ({ type: 7, ip }))];
  if (alt.length) list.push({ name: 'subjectAltName', altNames: alt });
  return list;
}

/** Builds and signs a certificate; PEM out. */
export function issueCertificate(o: IssueOptions): string {
  const cert = forge.pki.createCertificate();
  cert.version = o.version1 ? 0 : 2;
  cert.serialNumber = o.serialHex;
  cert.publicKey = o.publicKey;
  cert.validity.notBefore = new Date(o.notBeforeMs);
  cert.validity.notAfter = new Date(o.notAfterMs);
  cert.setSubject(toForgeAttrs(o.subject));
  if (o.issuer) cert.setIssuer(o.issuer.subject.attributes);
  else cert.setIssuer(toForgeAttrs(o.subject));
  if (!o.version1) cert.setExtensions(extensionList(o, o.extensions));
  cert.sign(o.signingKey.signer as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return normalizePem(forge.pki.certificateToPem(cert));
}

/** A PKCS#10 request as `openssl req -new` makes it (no attributes). */
export function createCsr(key: RsaKey, subject: NameEntry[], ext?: { dnsNames?: string[]; ipAddresses?: string[] }): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = key.publicKey;
  csr.setSubject(toForgeAttrs(subject));
  const alt = [...(ext?.dnsNames ?? []).map((d) => ({ type: 2, value: d })), ...(ext?.ipAddresses ?? []).map((ip) => ({ type: 7, ip }))];
  if (alt.length) csr.setAttributes([{ name: 'extensionRequest', extensions: [{ name: 'subjectAltName', altNames: alt }] }]);
  csr.sign(key.signer as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return normalizePem(forge.pki.certificationRequestToPem(csr));
}

export interface ParsedCsr {
  csr: forge.pki.CertificateSigningRequest;
  subject: NameEntry[];
  dnsNames: string[];
  ipAddresses: string[];
  bits: number;
}

/** The PEM blocks of a text, in order. */
export function pemBlocks(text: string): { type: string; body: string; pem: string }[] {
  const out: { type: string; body: string; pem: string }[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----\r?\n?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ type: m[1], body: m[2], pem: m[0] });
  return out;
}

/**
 * k8s.io/client-go/util/certificate/csr ParseCSR + CheckSignature, with Go's
 * messages: the first PEM block must be a CERTIFICATE REQUEST that parses and
 * whose signature verifies.
 */
export function parseCsr(pem: string): { ok: true; value: ParsedCsr } | { ok: false; error: string } {
  const block = pemBlocks(pem)[0];
  if (!block || block.type !== 'CERTIFICATE REQUEST') return { ok: false, error: 'PEM block type must be CERTIFICATE REQUEST' };
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(block.pem);
  } catch {
    return { ok: false, error: 'x509: malformed certificate request' };
  }
  let verified = false;
  try {
    verified = csr.verify();
  } catch {
    verified = false;
  }
  if (!verified) return { ok: false, error: 'crypto/rsa: verification error' };
  const ext = (csr.getAttribute({ name: 'extensionRequest' }) as { extensions?: { name: string; altNames?: { type: number; value?: string; ip?: string }[] }[] } | null)?.extensions ?? [];
  const alt = ext.find((e) => e.name === 'subjectAltName')?.altNames ?? [];
  return {
    ok: true,
    value: {
      csr,
      subject: namesOf(csr.subject.attributes),
      dnsNames: alt.filter((a) => a.type === 2).map((a) => a.value ?? ''),
      ipAddresses: alt.filter((a) => a.type === 7).map((a) => a.ip ?? ''),
      bits: (csr.publicKey as forge.pki.rsa.PublicKey).n.bitLength(),
    },
  };
}

const CERT_CACHE = new Map<string, forge.pki.Certificate | null>();

/** The first CERTIFICATE block of a PEM text, or undefined. */
export function parseCertificate(pem: string): forge.pki.Certificate | undefined {
  if (CERT_CACHE.has(pem)) return CERT_CACHE.get(pem) ?? undefined;
  const block = pemBlocks(pem).find((b) => b.type === 'CERTIFICATE');
  let cert: forge.pki.Certificate | null = null;
  if (block) {
    try {
      cert = forge.pki.certificateFromPem(block.pem);
    } catch {
      cert = null;
    }
  }
  if (CERT_CACHE.size > 256) CERT_CACHE.clear();
  CERT_CACHE.set(pem, cert);
  return cert ?? undefined;
}

/** True when `issuer` signed `cert` (signature check with the issuer's public key). */
export function isSignedBy(cert: forge.pki.Certificate, issuer: forge.pki.Certificate): boolean {
  try {
    return issuer.verify(cert);
  } catch {
    return false;
  }
}

/** The certificate's public key equals the private key's. */
export function keyMatchesCertificate(cert: forge.pki.Certificate, key: RsaKey): boolean {
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  return pub.n.equals(key.forge.n) && pub.e.equals(key.forge.e);
}

export function derBase64(pem: string): string {
  return pemBlocks(pem)[0]?.body.replace(/\s+/g, '') ?? '';
}
