import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeHost } from '../testing/fake-host';
import { seedObjects } from '../testing-fixtures';
import { DESCRIBE_NOW, describeFixture } from '../testdata/describe-fixture';

// Expected outputs: the real kubectl v1.32.4 recordings in kubectl-fidelity.md §6.6.
const spec = readFileSync(join(__dirname, '..', 'testdata', 'fidelity-describe.md'), 'utf8');
function recorded(cmd: string): string | undefined {
  const i = spec.indexOf(`\`$ kubectl ${cmd}\``);
  if (i < 0) return undefined;
  const start = spec.indexOf('```\n', i) + 4;
  return spec.slice(start, spec.indexOf('\n```', start)) + '\n';
}

let host: FakeHost;
beforeAll(() => {
  host = new FakeHost({ startMs: DESCRIBE_NOW });
  seedObjects(host.cluster, describeFixture());
});

describe('kubectl describe matches real kubectl v1.32.4', () => {
  for (const cmd of ['describe pod web-7c5ddbdf54-abcde', 'describe pod crashy', 'describe service web', 'describe service web-np', 'describe deployment web', 'describe node node-1']) {
    it(cmd, async () => {
      const want = recorded(cmd);
      if (want === undefined) return console.log(`skipped: no recording for ${cmd}`);
      const r = await host.run(`kubectl ${cmd}`);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(want);
    });
  }

  it('missing objects', async () => {
    expect(await host.run('kubectl describe pod nosuch')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n', code: 1 });
  });
});
