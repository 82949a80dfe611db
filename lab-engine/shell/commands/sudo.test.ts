import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../session/session';

describe('sudo on a node (the learner is root already)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await createSession({ seed: 1 });
  });

  it('runs the command, its stdin and exit status included', async () => {
    expect((await s.run('sudo systemctl is-active kubelet')).stdout).toBe('active\n');
    expect(await s.run("echo 'net.ipv4.ip_forward = 1' | sudo tee /tmp/k8s.conf")).toMatchObject({ stdout: 'net.ipv4.ip_forward = 1\n', exitCode: 0 });
    expect((await s.run('cat /tmp/k8s.conf')).stdout).toBe('net.ipv4.ip_forward = 1\n');
    expect((await s.run('sudo -E kubectl get ns default -o name')).stdout).toBe('namespace/default\n');
    expect((await s.run('sudo false; echo $?')).stdout).toBe('1\n');
  });

  it('answers sudo -i, sudo su - and bad input as sudo does', async () => {
    expect(await s.run('sudo -i')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(await s.run('sudo su -')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(await s.run('sudo nosuchcmd')).toMatchObject({ stderr: 'sudo: nosuchcmd: command not found\n', exitCode: 1 });
    expect(await s.run('sudo -u bob id')).toMatchObject({ stderr: 'sudo: unknown user bob\nsudo: error initializing audit plugin sudoers_audit\n', exitCode: 1 });
    const usage = await s.run('sudo');
    expect(usage.stderr.split('\n')[0]).toBe('usage: sudo -h | -K | -k | -V');
    expect(usage.exitCode).toBe(1);
  });
});
