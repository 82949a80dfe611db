import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../session/session';

/** kubectl run by a script (`bash f.sh`, `source`, `bash -c`, xargs) writes to its caller, not to the terminal. */
describe('kubectl nested in another command', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1, topology: 'bare' });
    await s.run(`printf 'Y=$(kubectl get ns default -o name)\\necho "[$Y]"\\n' > check.sh`);
  });

  it('is captured by $(…) inside a script run with bash, sh or source', async () => {
    for (const runner of ['bash check.sh', 'sh check.sh', 'source check.sh']) expect((await s.run(runner)).stdout).toBe('[namespace/default]\n');
    expect((await s.run(`bash -c 'W=$(kubectl get ns default -o name); echo "[$W]"'`)).stdout).toBe('[namespace/default]\n');
  });

  it('still writes straight to the terminal when kubectl (or its alias) is the command', async () => {
    expect((await s.run('kubectl get ns default -o name')).stdout).toBe('namespace/default\n');
    expect((await s.run('KUBECONFIG=/root/.kube/config k get ns default -o name')).stdout).toBe('namespace/default\n');
    expect((await s.run('echo default | xargs kubectl get ns -o name')).stdout).toBe('namespace/default\n');
  });
});
