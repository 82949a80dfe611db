import type { KubeObject } from '../../../api/types';
import type { CommandContext, CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagBool, flagString, flagStrings } from '../../args';
import { complete, objectMeta, sortedMap, submit } from './common';
import { configMapKeyErrors, parseLiteralSource, readEnvFile, readFileSource } from './sources';
import { base64Encode, encodeHash, sha256Hex } from './sha256';
import { toCompactJson } from '../../output';

/** create_secret.go: literals, then files, then env files; values base64 in `data`. */
function secretData(ctx: CommandContext): Record<string, string> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    const errs = configMapKeyErrors(key);
    if (errs.length > 0) throw new KubectlError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = value;
  };
  for (const l of flagStrings(ctx.flags, 'from-literal')) add(...parseLiteralSource(l));
  for (const f of flagStrings(ctx.flags, 'from-file')) for (const [k, v] of readFileSource(ctx, f)) add(k, v);
  for (const e of flagStrings(ctx.flags, 'from-env-file')) for (const [k, v] of readEnvFile(ctx, e, 'secret')) add(k, v);
  return data;
}

function secretObject(ctx: CommandContext, name: string, type: string, plain: Record<string, string>): KubeObject {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(sortedMap(plain))) data[k] = base64Encode(v);
  let finalName = name;
  if (flagBool(ctx.flags, 'append-hash')) finalName = `${name}-${encodeHash(sha256Hex(toCompactJson({ data, kind: 'Secret', name, type })))}`;
  const obj: KubeObject = { kind: 'Secret', apiVersion: 'v1', metadata: objectMeta(ctx, finalName) };
  if (Object.keys(data).length > 0) obj.data = data;
  if (type) obj.type = type;
  return obj;
}

const generic: CommandSpec = {
  use: 'generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const files = flagStrings(ctx.flags, 'from-file');
    const literals = flagStrings(ctx.flags, 'from-literal');
    if (flagStrings(ctx.flags, 'from-env-file').length > 0 && (files.length > 0 || literals.length > 0)) {
      throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
    }
    return submit(ctx, dryRun, secretObject(ctx, name, flagString(ctx.flags, 'type'), secretData(ctx)), { wrap: 'failed to create secret ' });
  },
};

const tls: CommandSpec = {
  use: 'tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  short: 'Create a TLS secret',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const cert = flagString(ctx.flags, 'cert');
    const key = flagString(ctx.flags, 'key');
    if (!cert || !key) throw new KubectlError('key and cert must be specified');
    const certText = readOrFail(ctx, cert);
    const keyText = readOrFail(ctx, key);
    if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(certText)) throw new KubectlError('tls: failed to find any PEM data in certificate input');
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyText)) throw new KubectlError('tls: failed to find any PEM data in key input');
    const obj = secretObject(ctx, name, 'kubernetes.io/tls', { 'tls.crt': certText, 'tls.key': keyText });
    return submit(ctx, dryRun, obj, { wrap: 'failed to create secret ' });
  },
};

function readOrFail(ctx: CommandContext, path: string): string {
  const text = ctx.host.readFile(path);
  if (text === undefined) throw new KubectlError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return text;
}

const dockerRegistry: CommandSpec = {
  use: 'docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  short: 'Create a secret for use with a Docker registry',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const files = flagStrings(ctx.flags, 'from-file');
    const user = flagString(ctx.flags, 'docker-username');
    const password = flagString(ctx.flags, 'docker-password');
    const server = flagString(ctx.flags, 'docker-server');
    if (files.length === 0 && (!user || !password || !server)) {
      throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    let plain: Record<string, string>;
    if (files.length > 0) plain = secretData(ctx);
    else {
      const entry: Record<string, string> = { username: user, password };
      const email = flagString(ctx.flags, 'docker-email');
      if (email) entry.email = email;
      entry.auth = base64Encode(`${user}:${password}`);
      plain = { '.dockerconfigjson': toCompactJson({ auths: { [server]: entry } }, false) };
    }
    const obj = secretObject(ctx, name, 'kubernetes.io/dockerconfigjson', plain);
    return submit(ctx, dryRun, obj, { wrap: 'failed to create secret ' });
  },
};

export const createSecret: CommandSpec = {
  use: 'secret (docker-registry | generic | tls)',
  short: 'Create a secret using a specified subcommand',
  flags: [],
  subcommands: [dockerRegistry, generic, tls],
};
