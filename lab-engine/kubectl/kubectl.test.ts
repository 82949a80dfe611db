import { describe, expect, it } from 'vitest';
import { FakeHost } from './testing/fake-host';
import { runKubectl } from './kubectl';
import type { CommandSpec, CommandContext } from './types';
import { KubectlError } from './types';
import { notFound } from '../api/errors';
import { HELP_TEXT } from './help/help-data';

let seen: CommandContext | undefined;
const get: CommandSpec = {
  use: 'get',
  short: 'Display one or many resources',
  flags: [],
  run(ctx) {
    seen = ctx;
    if (ctx.flags.args[0] === 'missing') throw notFound({ group: '', resource: 'pods' }, 'missing');
    if (ctx.flags.args[0] === 'boom') throw new KubectlError('boom');
    if (ctx.flags.args[0] === 'api') void ctx.api;
    return 0;
  },
};
const createDeployment: CommandSpec = { use: 'deployment NAME --image=image -- [COMMAND] [args...]', aliases: ['deploy'], short: '', flags: [], requiredFlags: ['image'], run: () => 0 };
const secretGeneric: CommandSpec = { use: 'generic NAME', short: '', flags: [], run: () => 0 };
const create: CommandSpec = {
  use: 'create -f FILENAME',
  short: '',
  flags: [],
  subcommands: [createDeployment, { use: 'secret (docker-registry | generic | tls)', short: '', flags: [], subcommands: [secretGeneric] }],
  run: () => 0,
};
const TEST_COMMANDS = [create, get];

async function k(line: string, host = new FakeHost()) {
  let stdout = '';
  let stderr = '';
  const words = line.split(' ').filter(Boolean);
  const code = await runKubectl(words, host, { stdin: '', out: (s) => (stdout += s), err: (s) => (stderr += s) }, TEST_COMMANDS);
  return { stdout, stderr, code };
}

describe('runKubectl: finding the command', () => {
  it('answers an unknown verb like cobra, with suggestions in kubectl order', async () => {
    expect(await k('foo')).toEqual({ stdout: '', code: 1, stderr: 'Error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n\n' });
    expect((await k('zzzzz')).stderr).toBe('Error: unknown command "zzzzz" for "kubectl"\n');
    expect((await k('des')).stderr).toBe('Error: unknown command "des" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tdescribe\n\n');
    expect((await k('ap')).stderr).toContain('\ttop\n\tcp\n\tapply\n\tapi-versions\n\tapi-resources\n\n');
    // A kubectl command this emulation lacks is not suggested as itself.
    expect((await k('debug')).stderr).toBe('Error: unknown command "debug" for "kubectl"\n');
  });
  it('finds the verb after global flags, and mimics the plugin handler', async () => {
    expect((await k('-n kube-system get pods')).code).toBe(0);
    expect(seen?.namespace).toBe('kube-system');
    expect(seen?.namespaceExplicit).toBe(true);
    expect(seen?.flags.args).toEqual(['pods']);
    expect(await k('-A get pods')).toEqual({ stdout: '', code: 1, stderr: 'Error: flags cannot be placed before plugin name: -A\n' });
    expect((await k('--foo get')).stderr).toBe("Error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n");
  });
  it('prints the root help for a bare kubectl', async () => {
    const r = await k('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HELP_TEXT['']);
  });
});

describe('runKubectl: flags', () => {
  it('knows each verb\'s real flags from its help text', async () => {
    expect(await k('get --foo')).toEqual({ stdout: '', code: 1, stderr: "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n" });
    expect((await k('create deploy -z')).stderr).toBe("Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl create deployment --help' for usage.\n");
    expect((await k('get -o')).stderr).toBe("Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n");
    expect((await k('get --all-namespaces=maybe')).stderr).toBe(
      'Error: invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl get --help\' for usage.\n',
    );
    expect((await k('get pods -A -owide --show-labels')).code).toBe(0);
    expect(seen?.flags.values).toMatchObject({ 'all-namespaces': true, output: 'wide', 'show-labels': true, 'chunk-size': 500 });
  });
  it('reports a missing required flag the way cobra + klog do', async () => {
    const r = await k('create deployment x');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('E0105 09:00:00.000000       1 run.go:72] "command failed" err="required flag(s) \\"image\\" not set"\n');
  });
  it('answers --help and -h with the recorded text', async () => {
    expect((await k('create deploy --help')).stdout).toBe(HELP_TEXT['create deployment']);
    expect((await k('get -h')).stdout).toBe(HELP_TEXT.get);
  });
  it('runs command groups like DefaultSubCommandRun', async () => {
    expect(await k('create secret')).toEqual({ stdout: '', stderr: HELP_TEXT['create secret'], code: 1 });
    expect((await k('create secret foo x')).stderr).toBe("error: unknown command \"foo x\"\nSee 'kubectl create secret -h' for help and examples\n");
    expect(await k('create secret foo')).toEqual({ stdout: '', code: 1, stderr: "error: unknown command \"foo\"\nSee 'kubectl create secret -h' for help and examples\n" });
  });
});

describe('runKubectl: errors and connection', () => {
  it('prints API and client errors like CheckErr', async () => {
    expect(await k('get missing')).toEqual({ stdout: '', code: 1, stderr: 'Error from server (NotFound): pods "missing" not found\n' });
    expect((await k('get boom')).stderr).toBe('error: boom\n');
  });
  it('fails like kubectl against an unreachable --server, a missing context or kubeconfig', async () => {
    const r = await k('-s http://127.0.0.1:1 get api');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(-2)[0]).toBe('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?');
    expect(r.stderr.split('\n')[0]).toBe(
      'E0105 09:00:00.000000       1 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://127.0.0.1:1/api?timeout=32s\\": dial tcp 127.0.0.1:1: connect: connection refused"',
    );
    expect((await k('-s http://127.0.0.1:1 get pods')).code).toBe(0); // never touched the API
    expect((await k('--context foo get pods')).stderr).toBe('error: context "foo" does not exist\n');
    expect((await k('--kubeconfig /nope get pods')).stderr).toBe('error: stat /nope: no such file or directory\n');
    expect((await k('--request-timeout=abc get pods')).stderr).toBe(
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    );
  });
});

describe('unknown commands: cobra SuggestFor', () => {
  it('suggests get and wait for list and ps (recorded from kubectl v1.32.4)', async () => {
    const { FakeHost } = await import('./testing/fake-host');
    const h = new FakeHost();
    expect((await h.run('list pods')).stderr).toBe('Error: unknown command "list" for "kubectl"\n\nDid you mean this?\n\tget\n\twait\n\n');
    expect((await h.run('ps')).stderr).toBe('Error: unknown command "ps" for "kubectl"\n\nDid you mean this?\n\tget\n\tcp\n\twait\n\n');
  });
});
