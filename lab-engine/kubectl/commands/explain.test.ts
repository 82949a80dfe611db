import { beforeAll, describe, expect, it } from 'vitest';
import { FakeHost } from '../testing/fake-host';
import { loadDescriptions } from '../../api/openapi';

/** Layout of kubectl explain (explain/v2/templates/plaintext.tmpl), recorded from kubectl v1.32.4 via tests/kubectl-oracle. */
describe('kubectl explain layout', () => {
  beforeAll(() => loadDescriptions());

  it('puts GROUP before KIND, three newlines after FIELD, a blank-indented line after the description and one final newline', async () => {
    const r = await new FakeHost().run('explain deployment.spec.replicas');
    expect(r.stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n' +
        '    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    );
  });

  it('ends a field list with an extra blank line', async () => {
    const r = await new FakeHost().run('explain pods');
    expect(r.stdout.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    expect(r.stdout.endsWith('#spec-and-status\n\n\n')).toBe(true);
  });

  it('prints the header, then names the last path element of a missing field', async () => {
    const r = await new FakeHost().run('explain deploy.spec.nosuch.x');
    expect(r).toEqual({ stdout: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n', stderr: 'error: field "x" does not exist\n', code: 1 });
  });
});
