import type { KubeObject } from '../../../api/types';
import type { CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagBool, flagStrings } from '../../args';
import { complete, objectMeta, sortedMap, submit } from './common';
import { configMapKeyErrors, parseLiteralSource, readEnvFile, readFileSource } from './sources';
import { encodeHash, sha256Hex } from './sha256';
import { toCompactJson } from '../../output';

/** `kubectl create configmap` (create_configmap.go): files, then literals, then env files. */
export const createConfigMap: CommandSpec = {
  use: 'configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [],
  run(ctx) {
    const { name, dryRun } = complete(ctx);
    const files = flagStrings(ctx.flags, 'from-file');
    const literals = flagStrings(ctx.flags, 'from-literal');
    const envFiles = flagStrings(ctx.flags, 'from-env-file');
    if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
    const data: Record<string, string> = {};
    const add = (key: string, value: string) => {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
      if (key in data) throw new KubectlError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
      data[key] = value;
    };
    for (const f of files) for (const [k, v] of readFileSource(ctx, f)) add(k, v);
    for (const l of literals) add(...parseLiteralSource(l));
    for (const e of envFiles) for (const [k, v] of readEnvFile(ctx, e, 'config')) add(k, v);
    const sorted = sortedMap(data);
    let finalName = name;
    if (flagBool(ctx.flags, 'append-hash')) finalName = `${name}-${encodeHash(sha256Hex(toCompactJson({ data: sorted, kind: 'ConfigMap', name })))}`;
    const obj: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: objectMeta(ctx, finalName) };
    if (Object.keys(sorted).length > 0) obj.data = sorted;
    return submit(ctx, dryRun, obj, { wrap: 'failed to create configmap: ' });
  },
};
