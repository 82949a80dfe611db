import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../base/rng';
import { parseSubject, runOpenssl } from './openssl';

function fakeIo(seed = 1) {
  const files = new Map<string, string>();
  const io = { read: (p: string) => files.get(p), write: (p: string, c: string) => void files.set(p, c), stdin: '', nowMs: Date.UTC(2026, 10, 22, 3, 0, 0), rng: new Rng(seed) };
  return { files, io, run: (line: string) => runOpenssl(line.split(/\s+/).filter(Boolean).map((w) => w.replace(/^"|"$/g, '')), io) };
}

function realOpenssl(args: string[]): string | undefined {
  try {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
const HAS_OPENSSL = realOpenssl(['version']) !== undefined;

describe('openssl (subset)', () => {
  it('genrsa/req/x509 -req write deterministic files for a seed', () => {
    const a = fakeIo(5);
    const b = fakeIo(5);
    for (const t of [a, b]) {
      expect(t.run('genrsa -out u.key 2048')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
      expect(t.run('req -new -key u.key -out u.csr -subj /CN=u/O=dev').exitCode).toBe(0);
      expect(t.run('req -x509 -new -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 365 -subj /CN=my-ca').exitCode).toBe(0);
      const signed = t.run('x509 -req -in u.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out u.crt -days 10');
      expect(signed).toEqual({ stdout: '', stderr: 'Certificate request self-signature ok\nsubject=CN = u, O = dev\n', exitCode: 0 });
    }
    expect(a.files.get('u.crt')).toBe(b.files.get('u.crt'));
    expect(a.files.get('u.key')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(a.files.get('ca.srl')).toMatch(/^[0-9A-F]{40}\n$/);
    expect(a.run('x509 -in u.crt -noout -subject -issuer -dates').stdout).toBe(
      'subject=CN = u, O = dev\nissuer=CN = my-ca\nnotBefore=Nov 22 03:00:00 2026 GMT\nnotAfter=Dec  2 03:00:00 2026 GMT\n',
    );
  });

  it("answers with OpenSSL's errors", () => {
    const t = fakeIo();
    expect(t.run('x509 -in nope.crt -noout -text').stderr).toMatch(/^Could not open file or uri for loading certificate from nope.crt\n/);
    expect(t.run('foo')).toEqual({ stdout: '', stderr: 'Invalid command \'foo\'; type "help" for a list.\n', exitCode: 1 });
    expect(parseSubject('CN=x')).toBe("subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: 'CN=x'");
    expect(t.run('genrsa -out k 4096').exitCode).toBe(1);
  });

  it.skipIf(!HAS_OPENSSL)('the real openssl reads what it wrote and prints the same text', () => {
    const t = fakeIo(9);
    t.run('genrsa -out u.key 2048');
    t.run('req -new -key u.key -out u.csr -subj /CN=u/O=dev');
    t.run('req -x509 -new -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 365 -subj /CN=my-ca');
    t.run('x509 -req -in u.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out u.crt -days 10');
    const dir = mkdtempSync(join(tmpdir(), 'ossl-'));
    for (const [name, content] of t.files) writeFileSync(join(dir, name), content);
    for (const f of ['u.crt', 'ca.crt']) {
      expect(t.run(`x509 -in ${f} -noout -text`).stdout).toBe(realOpenssl(['x509', '-in', join(dir, f), '-noout', '-text']));
      expect(t.run(`x509 -in ${f} -noout -subject -issuer -serial -enddate`).stdout).toBe(realOpenssl(['x509', '-in', join(dir, f), '-noout', '-subject', '-issuer', '-serial', '-enddate']));
    }
    expect(t.run('req -in u.csr -noout -text').stdout).toBe(realOpenssl(['req', '-in', join(dir, 'u.csr'), '-noout', '-text']));
    expect(realOpenssl(['verify', '-CAfile', join(dir, 'ca.crt'), join(dir, 'u.crt')])).toContain('OK');
  });
});
