import type { KubeObject } from '../../../api/types';
import type { CommandContext, CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagBool, flagString, flagStrings } from '../../args';
import { podSpecOf, runSet, selectContainers } from './common';
import { splitResourcesAndPairs } from '../metadata-pairs';
import { usageError } from '../create/common';
import { selectObjects } from '../../resource-builder';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

/** set_env.go parseEnv: KEY=VALUE to set, KEY- to remove. */
function parseEnv(ctx: CommandContext, specs: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const s of specs) {
    if (s === '-') {
      for (const line of ctx.io.stdin.split('\n')) if (line.includes('=')) env.push({ name: line.slice(0, line.indexOf('=')), value: line.slice(line.indexOf('=') + 1) });
    } else if (s.includes('=')) {
      const name = s.slice(0, s.indexOf('='));
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new KubectlError(`invalid environment variable: ${s}`);
      env.push({ name, value: s.slice(s.indexOf('=') + 1) });
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new KubectlError(`environment variables must be of the form key=value and can only contain letters, numbers, and underscores`);
  }
  return { env, remove };
}

/** --from=configmap/NAME|secret/NAME: one valueFrom per key (keys upper-cased, --prefix, --keys). */
function envFrom(ctx: CommandContext): EnvVar[] {
  const from = flagString(ctx.flags, 'from');
  if (!from) return [];
  const { infos } = selectObjects(ctx, { args: [from] });
  const out: EnvVar[] = [];
  const prefix = flagString(ctx.flags, 'prefix');
  const only = flagStrings(ctx.flags, 'keys');
  for (const { object } of infos) {
    if (object.kind !== 'ConfigMap' && object.kind !== 'Secret') throw new KubectlError(`unsupported resource specified in --from`);
    const keys = Object.keys({ ...(object.data ?? {}), ...(object.binaryData ?? {}) }).sort();
    for (const key of keys) {
      if (only.length > 0 && !only.includes(key)) continue;
      const ref = object.kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
      const name = prefix + key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (name !== key) ctx.io.err(`Warning: key ${key} transferred to ${name}\n`);
      out.push({ name, valueFrom: { [ref]: { name: object.metadata.name, key } } });
    }
  }
  return out;
}

function updateEnv(existing: EnvVar[], add: EnvVar[], remove: string[]): EnvVar[] {
  const out = existing.map((e) => ({ ...e }));
  for (const a of add) {
    const i = out.findIndex((e) => e.name === a.name);
    if (i >= 0) out[i] = a;
    else out.push(a);
  }
  return out.filter((e) => !remove.includes(e.name));
}

function refString(v: EnvVar): string {
  const vf = v.valueFrom ?? {};
  const cm = vf.configMapKeyRef as { name: string; key: string } | undefined;
  const sec = vf.secretKeyRef as { name: string; key: string } | undefined;
  const field = vf.fieldRef as { fieldPath: string } | undefined;
  if (cm) return `configmap ${cm.name}, key ${cm.key}`;
  if (sec) return `secret ${sec.name}, key ${sec.key}`;
  if (field) return `field path ${field.fieldPath}`;
  return 'resource field';
}

export const setEnv: CommandSpec = {
  use: 'env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  short: 'Update environment variables on a pod template',
  flags: [],
  run(ctx) {
    const { resources, pairs } = splitResourcesAndPairs(ctx.flags.args, 'env');
    const { env, remove } = parseEnv(ctx, [...pairs, ...flagStrings(ctx.flags, 'env')]);
    const list = flagBool(ctx.flags, 'list');
    if (!list && env.length === 0 && remove.length === 0 && !flagString(ctx.flags, 'from')) throw usageError(ctx, 'at least one environment variable must be provided');
    const all = [...envFrom(ctx), ...env];
    const pattern = flagString(ctx.flags, 'containers') || '*';
    const overwrite = flagBool(ctx.flags, 'overwrite');
    if (list) return listEnv(ctx, resources, pattern);
    return runSet(ctx, {
      resources,
      operation: 'env updated',
      mutate(obj: KubeObject, info) {
        const spec = podSpecOf(obj);
        if (!spec) return false;
        const containers = selectContainers([...(spec.initContainers ?? []), ...(spec.containers ?? [])], pattern);
        if (containers.length === 0) ctx.io.err(`warning: ${info.def.resource}/${info.name} does not have any containers matching ${JSON.stringify(pattern)}\n`);
        for (const c of containers) {
          const cur = (c.env as EnvVar[] | undefined) ?? [];
          if (!overwrite) for (const a of all) if (cur.some((e) => e.name === a.name)) throw new KubectlError(`'${a.name}' already has a value (${cur.find((e) => e.name === a.name)?.value ?? ''}), and --overwrite is false`);
          const next = updateEnv(cur, all, remove);
          if (next.length > 0) c.env = next;
          else delete c.env;
        }
        return true;
      },
    });
  },
};

/** --list: `# deployments/web, container nginx` then KEY=VALUE lines. */
function listEnv(ctx: CommandContext, resources: string[], pattern: string): number {
  const { infos } = selectObjects(ctx, { args: resources, files: true, local: flagBool(ctx.flags, 'local') });
  for (const info of infos) {
    const spec = podSpecOf(info.object);
    for (const c of selectContainers([...(spec?.initContainers ?? []), ...(spec?.containers ?? [])], pattern)) {
      ctx.io.out(`# ${info.def.kind} ${info.name}, container ${c.name}\n`);
      for (const e of (c.env as EnvVar[] | undefined) ?? []) ctx.io.out(e.valueFrom ? `# ${e.name} from ${refString(e)}\n` : `${e.name}=${e.value ?? ''}\n`);
    }
  }
  return 0;
}
