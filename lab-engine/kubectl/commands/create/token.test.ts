import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../session/session';

/** create_token.go Run: the token ends with a newline on a terminal only. */
describe('kubectl create token', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1, topology: 'bare' });
    await s.run('kubectl create sa myuser');
  });

  it('ends the token with a newline at the terminal', async () => {
    const r = await s.run('kubectl create token myuser');
    expect(r.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('prints the bare token into a file, a pipe or $(…)', async () => {
    await s.run('kubectl create token myuser > token.txt');
    expect((await s.run('tail -c 1 token.txt | od -c | head -1')).stdout).not.toContain('\\n');
    expect((await s.run('kubectl create token myuser | wc -l')).stdout).toBe('0\n');
    expect((await s.run('T=$(kubectl create token myuser); echo "${#T}" | grep -c "^[0-9][0-9]*$"')).stdout).toBe('1\n');
  });
});
