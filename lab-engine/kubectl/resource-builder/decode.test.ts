import { describe, expect, it } from 'vitest';
import { decodeObjects } from './decode';

describe('decodeObjects', () => {
  it('splits documents, skips empty ones and expands Lists', () => {
    const objs = decodeObjects('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: s\n', 'x.yaml');
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ConfigMap/a', 'Secret/s']);
  });
  it('reads YAML 1.1 scalars like go-yaml', () => {
    expect(decodeObjects('a: yes\nb: "yes"\nc: 010\n', 'x')[0]).toEqual({ a: true, b: 'yes', c: 8 });
  });
  it('reports indentation mistakes with go-yaml\'s line and wording', () => {
    expect(() => decodeObjects('spec:\n  containers:\n  - name: x\n     image: y\n', 'bad.yaml')).toThrow(
      'error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    );
    expect(() => decodeObjects('spec:\n\tcontainers: 1\n', 'tab.yaml')).toThrow(
      'error parsing tab.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token',
    );
  });
  it('reads JSON', () => {
    expect(decodeObjects('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n"}}', 'n.json')[0].metadata.name).toBe('n');
  });
});
