import forge from 'node-forge';
import type { Rng } from '../../base/rng';
import { KEY_POOL } from './key-pool';

/**
 * RSA private keys for the simulated PKI. Keys come from the pre-generated
 * pool (KEY_POOL) and signatures are RSASSA-PKCS1-v1_5 with SHA-256, which is
 * deterministic. node-forge does the ASN.1; the private-key operation uses
 * native BigInt with the CRT (node-forge's jsbn is ~10x slower).
 */
export interface RsaKey {
  /** The key as forge parsed it (public parts feed certificates and CSRs). */
  forge: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  bits: number;
  /** Object with forge's signer shape (`cert.sign(key.signer, md)`). */
  signer: { sign(md: forge.md.MessageDigest): string };
}

const PARSED = new Map<string, RsaKey>();

/** A PEM private key (PKCS#1 `RSA PRIVATE KEY` or PKCS#8 `PRIVATE KEY`), or undefined when it is none. */
export function parsePrivateKey(pem: string): RsaKey | undefined {
  const cached = PARSED.get(pem);
  if (cached) return cached;
  let key: forge.pki.rsa.PrivateKey;
  try {
    key = forge.pki.privateKeyFromPem(pem);
  } catch {
    return undefined;
  }
  if (!key || !key.n) return undefined;
  const parsed: RsaKey = {
    forge: key,
    publicKey: forge.pki.setRsaPublicKey(key.n, key.e),
    bits: key.n.bitLength(),
    signer: { sign: (md) => signDigest(key, md) },
  };
  if (PARSED.size > 256) PARSED.clear();
  PARSED.set(pem, parsed);
  return parsed;
}

/** A key from the pool, chosen with the caller's seeded stream; PKCS#8 PEM as `openssl genrsa` (OpenSSL 3) writes it. */
export function poolKeyPem(rng: Rng): string {
  return rng.pick(KEY_POOL);
}

/** PKCS#1 (`-----BEGIN RSA PRIVATE KEY-----`), as kubeadm writes its keys. */
export function toPkcs1Pem(key: RsaKey): string {
  return normalizePem(forge.pki.privateKeyToPem(key.forge));
}

export function publicKeyPem(key: forge.pki.rsa.PublicKey): string {
  return normalizePem(forge.pki.publicKeyToPem(key));
}

/** forge writes CRLF line ends; OpenSSL and Go write LF. */
export function normalizePem(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}

const big = (x: forge.jsbn.BigInteger): bigint => BigInt(`0x${x.toString(16)}`);

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    e >>= 1n;
    b = (b * b) % mod;
  }
  return result;
}

const SHA256_DIGEST_INFO = '3031300d060960864801650304020105000420';

/** EMSA-PKCS1-v1_5 encoding of a SHA-256 digest, then m^d mod n by the CRT. Returns forge's binary string. */
function signDigest(key: forge.pki.rsa.PrivateKey, md: forge.md.MessageDigest): string {
  if (md.algorithm !== 'sha256') throw new Error(`rsa: only sha256 signatures are supported, got ${md.algorithm}`);
  const k = Math.ceil(key.n.bitLength() / 8);
  const t = SHA256_DIGEST_INFO + forge.util.bytesToHex(md.digest().getBytes());
  const padLen = k - t.length / 2 - 3;
  const em = `0001${'ff'.repeat(padLen)}00${t}`;
  const m = BigInt(`0x${em}`);
  const p = big(key.p);
  const q = big(key.q);
  const m1 = modPow(m % p, big(key.dP), p);
  const m2 = modPow(m % q, big(key.dQ), q);
  const h = (big(key.qInv) * (((m1 - m2) % p) + p)) % p;
  const s = m2 + h * q;
  return forge.util.hexToBytes(s.toString(16).padStart(k * 2, '0'));
}
