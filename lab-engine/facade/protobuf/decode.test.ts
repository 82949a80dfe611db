import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './decode';

/** A tiny encoder for the test: fields as [num, string | number | bytes]. */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
function msg(fields: [number, string | number | Uint8Array][]): Uint8Array {
  const out: number[] = [];
  for (const [num, v] of fields) {
    if (typeof v === 'number') out.push(...varint(num * 8), ...varint(v));
    else {
      const bytes = typeof v === 'string' ? [...new TextEncoder().encode(v)] : [...v];
      out.push(...varint(num * 8 + 2), ...varint(bytes.length), ...bytes);
    }
  }
  return new Uint8Array(out);
}

describe('Kubernetes protobuf request bodies', () => {
  it('decodes a SelfSubjectAccessReview as kubectl auth can-i sends it', () => {
    const attrs = msg([
      [1, 'team'],
      [2, 'list'],
      [5, 'pods'],
    ]);
    const raw = msg([[2, msg([[1, attrs]])]]);
    const envelope = msg([
      [1, msg([[1, 'authorization.k8s.io/v1'], [2, 'SelfSubjectAccessReview']])],
      [2, raw],
    ]);
    const body = new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...envelope]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { namespace: 'team', verb: 'list', resource: 'pods' } },
    });
  });

  it('decodes maps and nested metadata of an Eviction', () => {
    const labels = msg([[1, 'app'], [2, 'web']]);
    const meta = msg([[1, 'web-1'], [3, 'shop'], [11, labels]]);
    const del = msg([[1, 30]]);
    const envelope = msg([
      [1, msg([[1, 'policy/v1'], [2, 'Eviction']])],
      [2, msg([[1, meta], [2, del]])],
    ]);
    expect(decodeKubernetesProtobuf(new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...envelope]))).toEqual({
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
      deleteOptions: { gracePeriodSeconds: 30 },
    });
  });

  it('refuses kinds it has no schema for with 415, and garbage with 400', () => {
    const envelope = msg([[1, msg([[1, 'apps/v1'], [2, 'StatefulSet']])], [2, msg([])]]);
    expect(() => decodeKubernetesProtobuf(new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...envelope]))).toThrow(/unknown format/);
    expect(() => decodeKubernetesProtobuf(new Uint8Array([1, 2, 3]))).toThrow(/magic/);
  });
});

/**
 * Bodies the real kubectl v1.32.4 sent for each generator, captured by
 * tests/kubectl-oracle/protobuf-capture.test.ts (CAPTURE_PROTOBUF_FIXTURES=1),
 * beside the object `--dry-run=client -o json` printed for the same command.
 */
describe('protobuf bodies captured from the real kubectl', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = join(__dirname, 'fixtures');
  const names = readdirSync(dir).filter((f) => f.endsWith('.pb')).map((f) => f.slice(0, -3)).sort();

  it('covers every kind kubectl create/autoscale/create token send', () => {
    expect(names).toEqual([
      'clusterrole', 'clusterrole-agg', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'deployment-cmd', 'hpa', 'ingress', 'job', 'namespace', 'pdb', 'pdb-percent', 'priorityclass', 'priorityclass-default', 'quota', 'role', 'rolebinding', 'secret', 'secret-docker', 'service-clusterip', 'service-external', 'service-headless', 'service-lb', 'service-nodeport', 'serviceaccount', 'token',
    ]);
  });

  for (const name of names) {
    it(`decodes ${name} to what --dry-run=client -o json printed`, () => {
      const body = new Uint8Array(readFileSync(join(dir, `${name}.pb`)));
      const expected = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
      expect(decodeKubernetesProtobuf(body)).toEqual(expected);
    });
  }

  it('refuses a truncated body with 400 instead of throwing', () => {
    const body = new Uint8Array(readFileSync(join(dir, 'deployment.pb')));
    expect(() => decodeKubernetesProtobuf(body.subarray(0, body.length - 7))).toThrow(expect.objectContaining({ status: expect.objectContaining({ code: 400 }) }));
  });
});

describe('negative varints', () => {
  it('reads -2 (ten bytes of two\'s complement) exactly', async () => {
    const { readFields, toSigned } = await import('./wire');
    // field 1, varint -2: 0xfe 0xff×8 0x01
    const f = readFields(new Uint8Array([0x08, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(toSigned(f[0].varint!)).toBe(-2);
    expect(toSigned(readFields(new Uint8Array([0x08, 0x96, 0x01]))[0].varint!)).toBe(150);
  });
});
