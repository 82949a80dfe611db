import { defineCommand, type Command } from 'just-bash';
import forge from 'node-forge';
import type { Rng } from '../../base/rng';
import type { Shell } from '../shell';
import { VirtualFs } from '../vfs';
import { bytesToText } from '../just-bash-parse';
import { parsePrivateKey, poolKeyPem, type RsaKey } from '../../security/pki/rsa';
import { createCsr, isKnownAttribute, issueCertificate, namesOf, onelineName, parseCertificate, pemBlocks, type NameEntry } from '../../security/pki/x509';
import { certificateText, opensslDate, requestText } from '../../security/pki/text';

/**
 * The `openssl` subset a CKA task uses (OpenSSL 3.0, as on Ubuntu 22.04):
 * `genrsa`, `req -new|-x509 [-newkey rsa:2048 -nodes -keyout]`, `x509 -req
 * -CA -CAkey [-CAcreateserial|-CAserial] -days`, `x509|req -in … -noout
 * -text|-subject|-issuer|-dates|-enddate|-startdate|-serial`, `version`.
 * Keys come from the pre-generated pool through the node's seeded stream and
 * signatures are deterministic, so a replayed transcript writes the same files.
 */
type Result = { stdout: string; stderr: string; exitCode: number };

const ERR_PREFIX = '40E7C1B8A07F0000:error:';
const ok = (stdout = '', stderr = ''): Result => ({ stdout, stderr, exitCode: 0 });
const fail = (stderr: string): Result => ({ stdout: '', stderr, exitCode: 1 });

interface Io {
  read(path: string): string | undefined;
  write(path: string, content: string): void;
  stdin: string;
  nowMs: number;
  rng: Rng;
}

export function opensslCommand(shell: Shell, rng: Rng): Command {
  return defineCommand('openssl', async (args, ctx) => {
    const abs = (p: string) => VirtualFs.normalize(ctx.cwd, p);
    const io: Io = {
      read: (p) => shell.fs.readSync(abs(p)),
      write: (p, c) => shell.fs.writeFileSync(abs(p), c),
      stdin: bytesToText(ctx.stdin),
      nowMs: shell.current().nowMs(),
      rng,
    };
    return runOpenssl(args, io);
  });
}

export function runOpenssl(args: string[], io: Io): Result {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'version':
      return ok('OpenSSL 3.0.2 15 Mar 2022 (Library: OpenSSL 3.0.2 15 Mar 2022)\n');
    case 'genrsa':
      return genrsa(rest, io);
    case 'req':
      return req(rest, io);
    case 'x509':
      return x509(rest, io);
    case undefined:
      return fail('Invalid command \'\'; type "help" for a list.\n');
    default:
      return fail(`Invalid command '${sub}'; type "help" for a list.\n`);
  }
}

/** Options with a value and bare switches, in OpenSSL's single-dash style. */
function parseOpts(args: string[], withValue: string[], cmd: string): { opts: Map<string, string>; positional: string[] } | Result {
  const opts = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const name = a.replace(/^--?/, '');
    if (withValue.includes(name)) {
      if (i + 1 >= args.length) return fail(`${cmd}: Option -${name} needs a value\n${cmd}: Use -help for summary.\n`);
      opts.set(name, args[++i]);
    } else opts.set(name, '');
  }
  return { opts, positional };
}

function output(io: Io, out: string | undefined, text: string): Result {
  if (out) {
    io.write(out, text);
    return ok();
  }
  return ok(text);
}

function genrsa(args: string[], io: Io): Result {
  const p = parseOpts(args, ['out', 'passout'], 'genrsa');
  if ('exitCode' in p) return p;
  const bits = p.positional[0] ?? '2048';
  if (!/^\d+$/.test(bits)) return fail(`genrsa: Extra option: "${bits}"\ngenrsa: Use -help for summary.\n`);
  if (bits !== '2048') return fail(`genrsa: this lab's key pool holds 2048-bit keys only (asked for ${bits})\n`);
  return output(io, p.opts.get('out'), poolKeyPem(io.rng));
}

/** `-subj /type0=value0/type1=value1` (apps/lib/apps.c parse_name). */
export function parseSubject(subj: string): NameEntry[] | string {
  if (!subj.startsWith('/')) {
    return `subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${subj}'`;
  }
  const out: NameEntry[] = [];
  const parts = subj.slice(1).split(/(?<!\\)\//).filter((s) => s !== '');
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return `Hit end of string before finding the '='`;
    const short = part.slice(0, eq);
    if (!isKnownAttribute(short)) return `Skipping unknown subject name attribute "${short}"`;
    out.push({ short, value: part.slice(eq + 1).replace(/\\(.)/g, '$1') });
  }
  return out;
}

function readKey(io: Io, path: string, cmd: string): RsaKey | Result {
  const text = io.read(path);
  if (text === undefined) return fail(`Could not open file or uri for loading private key from ${path}\n${ERR_PREFIX}80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:267:calling stat(${path})\n`);
  const key = parsePrivateKey(text);
  if (!key) return fail(`Could not read private key from ${path}\n${cmd}: Error loading private key\n`);
  return key;
}

function randomSerialHex(rng: Rng): string {
  let hex = (rng.int(7) + 1).toString(16);
  for (let i = 0; i < 39; i++) hex += rng.int(16).toString(16);
  return hex;
}

function req(args: string[], io: Io): Result {
  const p = parseOpts(args, ['in', 'out', 'key', 'keyout', 'newkey', 'subj', 'days', 'config', 'passout', 'passin', 'addext', 'outform', 'inform'], 'req');
  if ('exitCode' in p) return p;
  const { opts } = p;
  if (opts.has('in')) return showRequest(io, opts);
  if (!opts.has('new') && !opts.has('newkey') && !opts.has('x509')) return fail('req: No input or output specified\n');
  let key: RsaKey;
  let stderr = '';
  if (opts.has('newkey')) {
    if (!/^rsa(:2048)?$/.test(opts.get('newkey') ?? '')) return fail(`req: this lab's key pool holds 2048-bit RSA keys only (-newkey ${opts.get('newkey')})\n`);
    const pem = poolKeyPem(io.rng);
    key = parsePrivateKey(pem)!;
    if (!opts.has('nodes') && !opts.has('noenc')) return fail('Enter PEM pass phrase:\nreq: interactive pass phrases are not supported here; add -nodes\n');
    if (opts.get('keyout')) io.write(opts.get('keyout')!, pem);
    stderr = '.....+++++++++++++++++++++++++++++++++++++++*..+++++++++++++++++++++++++++++++++++++++*\n-----\n';
    if (!opts.get('keyout')) stderr += 'writing new private key to \'privkey.pem\'\n';
    if (!opts.get('keyout')) io.write('privkey.pem', pem);
  } else {
    if (!opts.get('key')) return fail('req: a key is needed: use -key FILE or -newkey rsa:2048\n');
    const k = readKey(io, opts.get('key')!, 'req');
    if ('exitCode' in k) return k;
    key = k;
  }
  if (!opts.has('subj')) return fail('You are about to be asked to enter information that will be incorporated\ninto your certificate request.\nreq: interactive prompts are not supported here; pass -subj "/CN=name/O=group"\n');
  const subject = parseSubject(opts.get('subj')!);
  if (typeof subject === 'string') return fail(`req: ${subject}\n`);
  if (opts.has('x509')) {
    const days = Number(opts.get('days') ?? '30');
    const pem = issueCertificate({
      subject, publicKey: key.publicKey, signingKey: key, serialHex: randomSerialHex(io.rng),
      notBeforeMs: io.nowMs, notAfterMs: io.nowMs + days * 86_400_000, extensions: { ca: true, subjectKeyId: true, selfAuthorityKeyId: true },
    });
    return { ...output(io, opts.get('out'), pem), stderr };
  }
  return { ...output(io, opts.get('out'), createCsr(key, subject)), stderr };
}

function showRequest(io: Io, opts: Map<string, string>): Result {
  const path = opts.get('in')!;
  const text = io.read(path);
  if (text === undefined) return fail(`Could not open file or uri for loading X509 request from ${path}\n${ERR_PREFIX}80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:267:calling stat(${path})\n`);
  const block = pemBlocks(text).find((b) => b.type === 'CERTIFICATE REQUEST');
  if (!block) return fail(`Could not read X509 request from ${path}\nUnable to load X509 request\n`);
  const csr = forge.pki.certificationRequestFromPem(block.pem);
  let out = '';
  if (opts.has('text')) out += requestText(csr);
  if (opts.has('subject')) out += `subject=${onelineName(namesOf(csr.subject.attributes))}\n`;
  if (opts.has('verify')) return { stdout: out, stderr: 'Certificate request self-signature verify OK\n', exitCode: 0 };
  if (!opts.has('noout')) out += block.pem;
  return output(io, opts.get('out'), out);
}

function x509(args: string[], io: Io): Result {
  const p = parseOpts(args, ['in', 'out', 'CA', 'CAkey', 'CAserial', 'days', 'extfile', 'extensions', 'signkey', 'inform', 'outform', 'set_serial'], 'x509');
  if ('exitCode' in p) return p;
  if (p.opts.has('req')) return signRequest(io, p.opts);
  return showCertificate(io, p.opts);
}

function showCertificate(io: Io, opts: Map<string, string>): Result {
  const path = opts.get('in');
  const text = path === undefined ? io.stdin : io.read(path);
  if (text === undefined) return fail(`Could not open file or uri for loading certificate from ${path}\n${ERR_PREFIX}80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:267:calling stat(${path})\nUnable to load certificate\n`);
  const cert = parseCertificate(text);
  if (!cert) return fail(`Could not read certificate from ${path ?? '<stdin>'}\nUnable to load certificate\n`);
  // Printing options print in the order they were given (apps/x509.c walks its option list).
  let out = '';
  for (const name of opts.keys()) {
    if (name === 'text') out += certificateText(cert);
    else if (name === 'subject') out += `subject=${onelineName(namesOf(cert.subject.attributes))}\n`;
    else if (name === 'issuer') out += `issuer=${onelineName(namesOf(cert.issuer.attributes))}\n`;
    else if (name === 'startdate') out += `notBefore=${opensslDate(cert.validity.notBefore)}\n`;
    else if (name === 'enddate') out += `notAfter=${opensslDate(cert.validity.notAfter)}\n`;
    else if (name === 'dates') out += `notBefore=${opensslDate(cert.validity.notBefore)}\nnotAfter=${opensslDate(cert.validity.notAfter)}\n`;
    else if (name === 'serial') out += `serial=${cert.serialNumber.toUpperCase()}\n`;
  }
  if (!opts.has('noout')) out += pemBlocks(text).find((b) => b.type === 'CERTIFICATE')!.pem;
  return output(io, opts.get('out'), out);
}

function signRequest(io: Io, opts: Map<string, string>): Result {
  const path = opts.get('in');
  const text = path === undefined ? io.stdin : io.read(path);
  if (text === undefined) return fail(`Could not open file or uri for loading certificate request from ${path}\n${ERR_PREFIX}80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:267:calling stat(${path})\n`);
  const block = pemBlocks(text).find((b) => b.type === 'CERTIFICATE REQUEST');
  if (!block) return fail(`Could not read certificate request from ${path ?? '<stdin>'}\nUnable to load certificate request\n`);
  const csr = forge.pki.certificationRequestFromPem(block.pem);
  const subject = namesOf(csr.subject.attributes);
  const days = Number(opts.get('days') ?? '30');
  let issuerKey: RsaKey;
  let issuer: forge.pki.Certificate | undefined;
  if (opts.get('CA')) {
    const caText = io.read(opts.get('CA')!);
    issuer = caText === undefined ? undefined : parseCertificate(caText);
    if (!issuer) return fail(`Could not open file or uri for loading CA certificate from ${opts.get('CA')}\nUnable to load CA certificate\n`);
    const k = readKey(io, opts.get('CAkey') ?? opts.get('CA')!, 'x509');
    if ('exitCode' in k) return k;
    issuerKey = k;
  } else if (opts.get('signkey')) {
    const k = readKey(io, opts.get('signkey')!, 'x509');
    if ('exitCode' in k) return k;
    issuerKey = k;
  } else return fail('x509: Cannot sign a request without -CA or -signkey\n');
  const serialHex = caSerial(io, opts);
  if (typeof serialHex !== 'string') return serialHex;
  const pem = issueCertificate({
    subject, publicKey: csr.publicKey as forge.pki.rsa.PublicKey, issuer, signingKey: issuerKey, serialHex,
    notBeforeMs: io.nowMs, notAfterMs: io.nowMs + days * 86_400_000, extensions: {}, version1: true,
  });
  const written = output(io, opts.get('out'), pem);
  return { ...written, stderr: `Certificate request self-signature ok\nsubject=${onelineName(subject)}\n` };
}

/** -CAserial/-CAcreateserial: the serial file next to the CA (`ca.srl`), 160 random bits when created. */
function caSerial(io: Io, opts: Map<string, string>): string | Result {
  if (opts.has('set_serial')) return BigInt(opts.get('set_serial')!).toString(16);
  if (!opts.get('CA')) return randomSerialHex(io.rng);
  const file = opts.get('CAserial') ?? `${opts.get('CA')!.replace(/\.[^./]*$/, '')}.srl`;
  const existing = io.read(file);
  let serial: string;
  if (existing !== undefined && /^[0-9A-Fa-f]+\s*$/.test(existing)) serial = (BigInt(`0x${existing.trim()}`) + 1n).toString(16);
  else if (opts.has('CAcreateserial')) serial = randomSerialHex(io.rng);
  else return fail(`${file}: No such file or directory\n${ERR_PREFIX}80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${file}, r)\n`);
  io.write(file, `${serial.toUpperCase().padStart(serial.length + (serial.length % 2), '0')}\n`);
  return serial;
}
