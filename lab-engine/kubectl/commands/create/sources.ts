import type { CommandContext } from '../../types';
import { KubectlError } from '../../types';

/**
 * --from-literal / --from-file / --from-env-file sources shared by
 * `create configmap` and `create secret generic` (kubectl/pkg/util and
 * kubectl/pkg/cmd/util/env_file.go), with their messages.
 */

const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** validation.IsConfigMapKey. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) errs.push(CONFIG_KEY_MSG);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** util.ParseLiteralSource: `key=value`. */
export function parseLiteralSource(src: string): [string, string] {
  const eq = src.indexOf('=');
  if (eq < 0) throw new KubectlError(`invalid literal source ${src}, expected key=value`);
  return [src.slice(0, eq), src.slice(eq + 1)];
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(src: string): [string, string] {
  const eq = src.indexOf('=');
  if (eq < 0) return [src.replace(/\/+$/, '').split('/').pop() ?? src, src];
  const key = src.slice(0, eq);
  const path = src.slice(eq + 1);
  if (!key) throw new KubectlError(`key name for file path ${path} missing`);
  if (!path) throw new KubectlError(`file path for key name ${key} missing`);
  if (path.includes('=')) throw new KubectlError("key names or file paths cannot contain '='");
  return [key, path];
}

/** Every (key, content) a --from-file source contributes: one file, or each regular file of a directory. */
export function readFileSource(ctx: CommandContext, src: string): [string, string][] {
  const [key, path] = parseFileSource(src);
  if (ctx.host.isDirectory(path)) {
    if (src.includes('=')) throw new KubectlError('cannot give a key name for a directory path');
    return ctx.host
      .listDir(path)
      .map((n) => [n, `${path.replace(/\/$/, '')}/${n}`] as const)
      .filter(([, p]) => !ctx.host.isDirectory(p))
      .map(([n, p]) => [n, ctx.host.readFile(p) ?? ''] as [string, string]);
  }
  const text = ctx.host.readFile(path);
  if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
  return [[key, text]];
}

/** cmdutil.AddFromEnvFile: KEY=value lines, `#` comments, blank lines skipped. */
export function readEnvFile(ctx: CommandContext, path: string, kind: 'config' | 'secret'): [string, string][] {
  if (ctx.host.isDirectory(path)) throw new KubectlError(`env ${kind} file cannot be a directory`);
  const text = ctx.host.readFile(path);
  if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
  const out: [string, string][] = [];
  text.split('\n').forEach((raw, i) => {
    let line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    line = line.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: ${ENV_NAME_MSG}`);
    out.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
  });
  return out;
}
