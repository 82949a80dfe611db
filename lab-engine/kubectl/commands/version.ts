/** `kubectl version` (kubectl/pkg/cmd/version/version.go), client v1.32.4 with kustomize v5.5.0. */
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { toJson, toYaml } from '../output';

export const SERVER_GIT_VERSION = 'v1.32.4';

const CLIENT = {
  major: '1', minor: '32', gitVersion: 'v1.32.4', gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335', gitTreeState: 'clean',
  buildDate: '2025-04-22T16:04:19Z', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64',
};
const SERVER = {
  major: '1', minor: '32', gitVersion: SERVER_GIT_VERSION, gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335', gitTreeState: 'clean',
  buildDate: '2025-04-22T15:56:54Z', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64',
};

export const version: CommandSpec = {
  use: 'version',
  short: 'Print the client and server version information',
  flags: [],
  run(ctx: CommandContext): number {
    const o = flagString(ctx.flags, 'output');
    const clientOnly = flagBool(ctx.flags, 'client');
    if (o && o !== 'yaml' && o !== 'json') throw new KubectlError('--output must be \'yaml\' or \'json\'');
    const v: Record<string, unknown> = { clientVersion: CLIENT, kustomizeVersion: 'v5.5.0' };
    if (!clientOnly) v.serverVersion = SERVER;
    if (o === 'json') return ctx.io.out(toJson(v, { sortKeys: false, indent: '  ' })), 0;
    if (o === 'yaml') return ctx.io.out(toYaml(v)), 0;
    let text = `Client Version: ${CLIENT.gitVersion}\nKustomize Version: v5.5.0\n`;
    if (!clientOnly) text += `Server Version: ${SERVER.gitVersion}\n`;
    ctx.io.out(text);
    return 0;
  },
};
