import { describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';

/** YAML mistakes and yaml.v2's messages, recorded from kubectl v1.32.4 (`create -f x.yaml --dry-run=client`). */
const CASES: [string, string][] = [
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n  containers: []\n', 'line 4: did not find expected key'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   labels: {}\ndata:\n  a: b\n', 'line 5: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n c: d\n', 'line 6: did not find expected key'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n', "line 4: did not find expected ',' or ']'"],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    - a\n    b: c\n', "line 6: did not find expected '-' indicator"],
];

describe('YAML parse errors', () => {
  it.each(CASES)('%#', async (text, message) => {
    const h = new FakeHost();
    h.files.set('/root/x.yaml', text);
    const r = await h.run('create -f x.yaml --dry-run=client -o name');
    expect(r).toEqual({ stdout: '', stderr: `error: error parsing x.yaml: error converting YAML to JSON: yaml: ${message}\n`, code: 1 });
  });
});
