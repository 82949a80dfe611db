import forge from 'node-forge';
import { namesOf, onelineName } from './x509';

/**
 * OpenSSL 3.0's text dumps (`openssl x509 -text`, `openssl req -text`):
 * crypto/x509/t_x509.c X509_print_ex, t_req.c X509_REQ_print_ex and the
 * v3 extension printers (v3_bitst.c, v3_extku.c, v3_bcons.c, v3_skid.c,
 * v3_akid.c, v3_san.c). Checked against the real openssl binary in text.test.ts.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: `Nov  2 09:05:01 2026 GMT`. */
export function opensslDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

function hexColons(bytes: string, perLine: number, indent: string): string {
  const hex = forge.util.bytesToHex(bytes).match(/../g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += perLine) lines.push(indent + hex.slice(i, i + perLine).join(':') + (i + perLine < hex.length ? ':' : ''));
  return lines.join('\n');
}

function modulusBytes(n: forge.jsbn.BigInteger): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return forge.util.hexToBytes(hex);
}

function publicKeyInfo(key: forge.pki.rsa.PublicKey, indent: string): string {
  const bits = key.n.bitLength();
  const e = key.e.intValue();
  return [
    `${indent}Subject Public Key Info:`,
    `${indent}    Public Key Algorithm: rsaEncryption`,
    `${indent}        Public-Key: (${bits} bit)`,
    `${indent}        Modulus:`,
    hexColons(modulusBytes(key.n), 15, `${indent}            `),
    `${indent}        Exponent: ${e} (0x${e.toString(16)})`,
  ].join('\n');
}

/** i2a_ASN1_INTEGER-style serial: decimal + hex when it fits in a long, else colon hex on its own line. */
function serialLines(serialHex: string): string[] {
  const v = BigInt(`0x${serialHex || '0'}`);
  if (v < 2n ** 63n) return [`        Serial Number: ${v} (0x${v.toString(16)})`];
  let hex = serialHex.replace(/^0+/, '');
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return ['        Serial Number:', `            ${(hex.match(/../g) ?? []).join(':')}`];
}

const KEY_USAGE_NAMES: [string, string][] = [
  ['digitalSignature', 'Digital Signature'], ['nonRepudiation', 'Non Repudiation'], ['keyEncipherment', 'Key Encipherment'],
  ['dataEncipherment', 'Data Encipherment'], ['keyAgreement', 'Key Agreement'], ['keyCertSign', 'Certificate Sign'], ['cRLSign', 'CRL Sign'],
];

type Ext = { name?: string; id?: string; critical?: boolean; [k: string]: unknown };

function extensionText(ext: Ext): [string, string] | undefined {
  const hexId = (s: unknown) => (typeof s === 'string' ? (s.toUpperCase().match(/../g) ?? []).join(':') : '');
  switch (ext.name) {
    case 'keyUsage':
      return ['X509v3 Key Usage', KEY_USAGE_NAMES.filter(([k]) => ext[k]).map(([, v]) => v).join(', ')];
    case 'extKeyUsage': {
      const names: string[] = [];
      if (ext.serverAuth) names.push('TLS Web Server Authentication');
      if (ext.clientAuth) names.push('TLS Web Client Authentication');
      return ['X509v3 Extended Key Usage', names.join(', ')];
    }
    case 'basicConstraints':
      return ['X509v3 Basic Constraints', ext.cA ? 'CA:TRUE' : 'CA:FALSE'];
    case 'subjectKeyIdentifier':
      return ['X509v3 Subject Key Identifier', hexId(ext.subjectKeyIdentifier)];
    case 'authorityKeyIdentifier':
      return ['X509v3 Authority Key Identifier', hexId(authorityKeyId(ext))];
    case 'subjectAltName': {
      const alt = (ext.altNames as { type: number; value?: string; ip?: string }[]) ?? [];
      return ['X509v3 Subject Alternative Name', alt.map((a) => (a.type === 7 ? `IP Address:${ipText(a.ip ?? '')}` : a.type === 2 ? `DNS:${a.value}` : `othername:<unsupported>`)).join(', ')];
    }
    default:
      return undefined;
  }
}

/** OpenSSL 3.0 prints IPv6 SANs as eight uncompressed hex groups (`0:0:0:0:0:0:0:1`). */
function ipText(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g || '0', 16).toString(16)).join(':');
}

/** forge does not decode the authority key id; read the [0] keyIdentifier out of the raw value. */
function authorityKeyId(ext: Ext): string {
  try {
    const seq = forge.asn1.fromDer(ext.value as string) as forge.asn1.Asn1;
    const first = (seq.value as forge.asn1.Asn1[])[0];
    return forge.util.bytesToHex(first.value as string);
  } catch {
    return '';
  }
}

function extensionsBlock(exts: Ext[], indent: string): string[] {
  const out: string[] = [];
  for (const e of exts) {
    const t = extensionText(e);
    if (!t) continue;
    out.push(`${indent}${t[0]}: ${e.critical ? 'critical' : ''}`, `${indent}    ${t[1]}`);
  }
  return out;
}

/** `openssl x509 -noout -text`. */
export function certificateText(cert: forge.pki.Certificate): string {
  const sig = cert.signature as string;
  const lines = [
    'Certificate:',
    '    Data:',
    `        Version: ${cert.version + 1} (0x${cert.version.toString(16)})`,
    ...serialLines(cert.serialNumber),
    '        Signature Algorithm: sha256WithRSAEncryption',
    `        Issuer: ${onelineName(namesOf(cert.issuer.attributes))}`,
    '        Validity',
    `            Not Before: ${opensslDate(cert.validity.notBefore)}`,
    `            Not After : ${opensslDate(cert.validity.notAfter)}`,
    `        Subject: ${onelineName(namesOf(cert.subject.attributes))}`,
    publicKeyInfo(cert.publicKey as forge.pki.rsa.PublicKey, '        '),
  ];
  const exts = extensionsBlock(cert.extensions as Ext[], '            ');
  if (exts.length) lines.push('        X509v3 extensions:', ...exts);
  lines.push('    Signature Algorithm: sha256WithRSAEncryption', '    Signature Value:', hexColons(sig, 18, '        '));
  return `${lines.join('\n')}\n`;
}

/** `openssl req -noout -text`. */
export function requestText(csr: forge.pki.CertificateSigningRequest): string {
  const ext = (csr.getAttribute({ name: 'extensionRequest' }) as { extensions?: Ext[] } | null)?.extensions;
  const lines = [
    'Certificate Request:',
    '    Data:',
    '        Version: 1 (0x0)',
    `        Subject: ${onelineName(namesOf(csr.subject.attributes))}`,
    publicKeyInfo(csr.publicKey as forge.pki.rsa.PublicKey, '        '),
    '        Attributes:',
  ];
  if (ext?.length) lines.push('            Requested Extensions:', ...extensionsBlock(ext, '                '));
  else lines.push('            (none)', '            Requested Extensions:');
  lines.push('    Signature Algorithm: sha256WithRSAEncryption', '    Signature Value:', hexColons(csr.signature as string, 18, '        '));
  return `${lines.join('\n')}\n`;
}
