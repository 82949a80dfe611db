/**
 * `kubectl explain TYPE[.FIELD…] [--recursive]` (kubectl/pkg/explain/v2,
 * templates/plaintext.tmpl) over the schema in api/openapi (descriptions load lazily).
 * Layout: KIND/GROUP/VERSION header, FIELD line for a path, DESCRIPTION wrapped
 * at 76 columns indented by 4, FIELDS as `name\t<type>[ -required-]` with their
 * descriptions (wrap 78-indent, indent+2), or the bare recursive tree.
 */
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool } from '../args';
import { type FieldInfo, type TypeSchema, descriptionOf, loadDescriptions, schemaFor, typeSchema } from '../../api/openapi';
import { resolveTypes } from './get/requests';

export const explain: CommandSpec = {
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2]',
  short: 'Get documentation for a resource',
  flags: [],
  run: runExplain,
};

async function runExplain(ctx: CommandContext): Promise<number> {
  const arg = ctx.flags.args[0];
  if (!arg) {
    throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.', 1, true);
  }
  const [typeWord, ...path] = arg.split('.');
  let def: ReturnType<typeof resolveTypes>[number];
  try {
    def = resolveTypes(ctx, typeWord)[0];
  } catch (e) {
    // explain's RESTMapper error reaches CheckErr unwrapped: printed without the `error: ` prefix
    if (e instanceof KubectlError) throw new KubectlError(e.message, 1, true);
    throw e;
  }
  let schema = schemaFor(def.group, def.version, def.kind);
  if (!schema) throw new KubectlError(`couldn't find resource for "${def.group ? `${def.group}/` : ''}${def.version}, Kind=${def.kind}"`);
  await loadDescriptions();
  let field: FieldInfo | undefined;
  let parent: TypeSchema | undefined;
  for (const name of path) {
    parent = schema;
    field = schema?.fields.find((f) => f.name === name);
    if (!field) {
      // the template has already written the header when its "schema" block throws, and it names the path's last element
      ctx.io.out(`${header(def)}`);
      throw new KubectlError(`field "${path[path.length - 1]}" does not exist`);
    }
    schema = field.ref ? typeSchema(field.ref) : undefined;
  }
  // plaintext.tmpl: GROUP before KIND; the description block is `desc\n` piped through
  // wrap|indent (so it ends in a line of four blanks); two newlines after FIELD; one final newline.
  let out = header(def);
  if (field) out += `FIELD: ${field.name} <${field.type}>\n\n\n`;
  const own = field && parent ? descriptionOf(parent.ref, field.name) ?? '' : descriptionOf(schema!.ref) ?? '';
  const typeDesc = field && schema && field.ref ? descriptionOf(schema.ref) ?? '' : '';
  const desc = (own ? `${own}\n` : '') + (typeDesc ? `${typeDesc}\n` : '');
  out += `DESCRIPTION:\n${indent(wrap(desc || '<empty>', 76), 4)}\n`;
  if (schema && schema.fields.length > 0) {
    out += 'FIELDS:\n';
    out += flagBool(ctx.flags, 'recursive') ? recursiveFields(schema, 0, new Set()) : fieldList(schema);
  }
  out += '\n';
  ctx.io.out(out);
  return 0;
}

function header(def: { group: string; kind: string; version: string }): string {
  return `${def.group ? `GROUP:      ${def.group}\n` : ''}KIND:       ${def.kind}\nVERSION:    ${def.version}\n\n`;
}

function fieldList(schema: TypeSchema): string {
  return schema.fields
    .map((f) => `  ${f.name}\t<${f.type}>${f.required ? ' -required-' : ''}\n${indent(wrap(descriptionOf(schema.ref, f.name) || '<no description>', 76), 4)}\n\n`)
    .join('');
}

function recursiveFields(schema: TypeSchema, level: number, seen: Set<string>): string {
  if (level > 32) return '';
  let out = '';
  for (const f of schema.fields) {
    out += `${'  '.repeat(level + 1)}${f.name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
    if (f.ref && !seen.has(f.ref)) {
      const sub = typeSchema(f.ref);
      if (sub) out += recursiveFields(sub, level + 1, new Set([...seen, f.ref]));
    }
  }
  return out;
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s.split('\n').map((l) => pad + l).join('\n');
}

/** go-wordwrap WrapString: break at spaces so lines stay within the limit; long words stay whole. */
export function wrap(s: string, limit: number): string {
  return s
    .split('\n')
    .map((para) => {
      const words = para.split(' ');
      const lines: string[] = [];
      let cur = '';
      for (const w of words) {
        if (cur === '') cur = w;
        else if (cur.length + 1 + w.length <= limit) cur += ` ${w}`;
        else {
          lines.push(cur);
          cur = w;
        }
      }
      lines.push(cur);
      return lines.join('\n');
    })
    .join('\n');
}
