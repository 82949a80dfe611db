import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString } from '../args';
import { type Info, hasFilenames, infosFromFiles } from './infos';
import { parseResourceArgs } from './resource-args';
import { addSourceToErr } from '../check-err';

export interface SelectOptions {
  /** Arguments naming resources (TYPE NAME…, TYPE/NAME…). */
  args: string[];
  /** Use -f/--filename when given. */
  files?: boolean;
  /** -l/--selector and --all select all objects of a type. */
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** With --local, objects come from files only (no server). */
  local?: boolean;
  /** Wraps per-object errors of -f objects: `error when <verb> "file": …` (cmdutil.AddSourceToErr). */
  sourceVerb?: string;
  /**
   * Builder.RequireObject(false) (delete): named objects need not be readable. kubectl then
   * sends the DELETE without a GET, so a user who may not get the object sees the DELETE's own
   * Forbidden (`cannot delete resource …`); we still GET, and fall back to the bare name then.
   */
  requireObject?: boolean;
}

export interface Selected {
  infos: (Info & { object: KubeObject })[];
  /** Per-object failures (NotFound …), reported after the successes like ContinueOnError. */
  errors: Error[];
}

/**
 * cli-runtime Builder with ContinueOnError + Flatten + Latest: objects named
 * by -f (refreshed from the server unless local), by TYPE NAME arguments, or
 * selected by -l / --all. Errors per object are collected, not thrown.
 */
export function selectObjects(ctx: CommandContext, opts: SelectOptions): Selected {
  const errors: Error[] = [];
  const infos: (Info & { object: KubeObject })[] = [];
  if (opts.files && hasFilenames(ctx)) {
    for (const info of infosFromFiles(ctx, { local: opts.local })) {
      if (opts.local) {
        infos.push(info as Info & { object: KubeObject });
        continue;
      }
      try {
        infos.push({ ...info, object: ctx.api.get(info.def, info.namespace, info.name) });
      } catch (e) {
        errors.push((opts.sourceVerb ? addSourceToErr(opts.sourceVerb, info.source, e) : e) as Error);
      }
    }
    return { infos, errors };
  }
  const targets = parseResourceArgs(ctx, opts.args);
  for (const t of targets) {
    if (t.names.length > 0) {
      for (const name of t.names) {
        try {
          const ns = t.def.namespaced ? ctx.namespace : '';
          infos.push({ def: t.def, namespace: ns, name, object: ctx.api.get(t.def, ns, name), source: '' });
        } catch (e) {
          const ns = t.def.namespaced ? ctx.namespace : '';
          const forbidden = (e as { reason?: string }).reason === 'Forbidden';
          if (forbidden && opts.requireObject === false) infos.push({ def: t.def, namespace: ns, name, object: { apiVersion: '', kind: t.def.kind, metadata: { name, namespace: ns || undefined } } as KubeObject, source: '' });
          else errors.push(e as Error);
        }
      }
      continue;
    }
    if (!opts.selector && !opts.all) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const o of listObjects(ctx, t.def, opts)) {
      infos.push({ def: t.def, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', object: o, source: '' });
    }
  }
  return { infos, errors };
}

function listObjects(ctx: CommandContext, def: KindDef, opts: SelectOptions): KubeObject[] {
  const namespace = !def.namespaced || opts.allNamespaces ? undefined : ctx.namespace;
  return ctx.api.list(def, { namespace, labelSelector: opts.selector || undefined, fieldSelector: flagString(ctx.flags, 'field-selector') || undefined }).items;
}

/** The common -l/--all/-A flags of a verb, read once. */
export function selectionFlags(ctx: CommandContext): Pick<SelectOptions, 'selector' | 'all' | 'allNamespaces'> {
  return {
    selector: flagString(ctx.flags, 'selector'),
    all: flagBool(ctx.flags, 'all'),
    allNamespaces: flagBool(ctx.flags, 'all-namespaces'),
  };
}

/** `You must provide one or more resources by argument or filename.` (the builder's empty-input error). */
export const NO_RESOURCES_MESSAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;
