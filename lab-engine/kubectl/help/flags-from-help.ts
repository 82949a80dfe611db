import type { FlagSpec, FlagType } from '../types';
import { HELP_TEXT } from './help-data';

/**
 * The flags of every kubectl command, read from its recorded `--help` text
 * (the "Options:" block lists every visible flag with shorthand and default),
 * so each verb knows exactly the flags kubectl v1.32.4 has, and anything else
 * is `unknown flag`. pflag prints `[]` for both stringSlice and stringArray:
 * the flags that are stringArray in kubectl's source are listed below.
 */

/** stringArray flags (repeatable, never split on commas), by flag name; `path:name` for a path-specific one. */
const STRING_ARRAY = new Set([
  'from-literal', // create configmap/secret generic: cmd/create/create_configmap.go StringArray
  'env', // run, set env: StringArrayVarP
  'annotations', // run
  'annotation', // create ingress
  'rule', // create ingress
  'as-group', // genericclioptions ConfigFlags
  'audience', // create token
  'prune-allowlist',
  'exec-arg',
  'exec-env',
  'create rolebinding:user',
  'create rolebinding:group',
  'create rolebinding:serviceaccount',
  'create clusterrolebinding:user',
  'create clusterrolebinding:group',
  'create clusterrolebinding:serviceaccount',
  'set subject:user',
  'set subject:group',
  'set subject:serviceaccount',
]);

/** Flags whose declared type is not what the default suggests. */
const TYPE_OVERRIDES: Record<string, FlagType> = {
  'options:request-timeout': 'string',
  'options:v': 'int',
};

const RECORD: FlagSpec = {
  name: 'record',
  type: 'bool',
  defValue: 'false',
  usage: 'Record current kubectl command in the resource annotation.',
  hidden: true,
  deprecated: '--record will be removed in the future',
};

/** Hidden flags kubectl still accepts (not in --help), by command path. */
const HIDDEN: Record<string, FlagSpec[]> = {
  apply: [RECORD],
  create: [RECORD],
  scale: [RECORD],
  'set image': [RECORD],
  'set resources': [RECORD],
  'set selector': [RECORD],
  'set serviceaccount': [RECORD],
  annotate: [RECORD],
  label: [RECORD],
  patch: [RECORD],
  edit: [RECORD],
  expose: [RECORD],
  run: [RECORD],
  autoscale: [RECORD],
};

const cache = new Map<string, FlagSpec[]>();

/** Visible flags of `kubectl <path>` (path "" = the root's global flags via `kubectl options`). */
export function flagsFromHelp(path: string): FlagSpec[] {
  const key = path === '' ? 'options' : path;
  let specs = cache.get(key);
  if (!specs) {
    specs = [...parseOptions(HELP_TEXT[key] ?? '', key), ...(HIDDEN[key] ?? [])];
    cache.set(key, specs);
  }
  return specs;
}

const FLAG_LINE = /^ {4}(?:-(\S), )?--([A-Za-z0-9-]+)=(.*):$/;

function parseOptions(text: string, key: string): FlagSpec[] {
  const start = key === 'options' ? 0 : text.indexOf('\nOptions:\n');
  if (start < 0) return [];
  const lines = text.slice(start).split('\n');
  const out: FlagSpec[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^Usage:/.test(lines[i])) break;
    const m = FLAG_LINE.exec(lines[i]);
    if (!m) continue;
    const usage = (lines[i + 1] ?? '').replace(/^\t/, '');
    out.push(toSpec(m[1], m[2], m[3], usage, key));
  }
  return out;
}

function toSpec(shorthand: string | undefined, name: string, def: string, usage: string, key: string): FlagSpec {
  const type = TYPE_OVERRIDES[`${key}:${name}`] ?? inferType(def, name, key);
  const defValue = def.startsWith("'") && def.endsWith("'") ? def.slice(1, -1) : def;
  const spec: FlagSpec = { name, type, defValue, usage };
  if (shorthand) spec.shorthand = shorthand;
  return spec;
}

function inferType(def: string, name: string, key: string): FlagType {
  if (def === 'true' || def === 'false') return 'bool';
  if (def.startsWith("'")) return 'string';
  if (def.startsWith('[')) return STRING_ARRAY.has(name) || STRING_ARRAY.has(`${key}:${name}`) ? 'stringArray' : 'stringSlice';
  if (/^-?\d+$/.test(def)) return 'int';
  if (/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(def)) return 'duration';
  return 'string';
}

/** The recorded help text of `kubectl <path>`, if kubectl has that command. */
export function helpText(path: string): string | undefined {
  return HELP_TEXT[path];
}
