import type { KubeObject } from '../../api/types';
import type { KindDef } from '../../api/registry';
import type { CommandContext } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagStrings } from '../args';
import { decodeObjects } from './decode';
import { readSources } from './files';

/** One object a verb acts on (cli-runtime resource.Info). */
export interface Info {
  def: KindDef;
  namespace: string; // '' for cluster-scoped kinds
  name: string;
  /** The object read from a file (-f), if any. */
  object?: KubeObject;
  /** The file it came from ("STDIN", "x.yaml"), '' for arguments. */
  source: string;
}

/** `-f/--filename` given (with -R/--recursive). */
export function hasFilenames(ctx: CommandContext): boolean {
  return flagStrings(ctx.flags, 'filename').length > 0;
}

/**
 * Reads every object named by -f: decoded, mapped to a kind, validated the
 * way kubectl validates before sending (apiVersion/kind set), namespaced.
 */
export function infosFromFiles(ctx: CommandContext, opts: { validate?: boolean; local?: boolean } = {}): Info[] {
  const sources = readSources(ctx.host, ctx.io.stdin, flagStrings(ctx.flags, 'filename'), flagBool(ctx.flags, 'recursive'));
  const infos: Info[] = [];
  for (const s of sources) {
    for (const obj of decodeObjects(s.text, s.source)) infos.push(toInfo(ctx, obj, s.source, opts.validate ?? true, opts.local ?? false));
  }
  return infos;
}

function toInfo(ctx: CommandContext, obj: KubeObject, source: string, validate: boolean, local: boolean): Info {
  const missing = [typeof obj.apiVersion === 'string' && obj.apiVersion ? '' : 'apiVersion not set', typeof obj.kind === 'string' && obj.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length > 0) {
    const detail = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    if (validate || missing.length > 0)
      throw new KubectlError(`error validating "${source}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const def = ctx.host.cluster.registry.forKind(obj.apiVersion, obj.kind);
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  if (!def) {
    const ns = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
    const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
    void group;
    throw new KubectlError(
      `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion.includes('/') ? obj.apiVersion : version}"\nensure CRDs are installed first`,
    );
  }
  obj.metadata = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {};
  const namespace = def.namespaced ? objectNamespace(ctx, obj) : '';
  // A local builder has no RESTMapper: objects keep the namespace they were written with.
  if (def.namespaced && !local) obj.metadata.namespace = namespace;
  return { def, namespace, name, object: obj, source };
}

/** The object's namespace, or -n / the context's; a conflict with an explicit -n is an error. */
function objectNamespace(ctx: CommandContext, obj: KubeObject): string {
  const own = typeof obj.metadata.namespace === 'string' ? obj.metadata.namespace : '';
  if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
    throw new KubectlError(
      `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own || ctx.namespace;
}
