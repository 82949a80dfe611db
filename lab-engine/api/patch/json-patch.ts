import fastJsonPatch, { type Operation } from 'fast-json-patch';

// fast-json-patch is CommonJS: Node's ESM loader only exposes its default export
// (named imports work in bundlers but not in `node`/`tsx` scripts and worker threads).
const applyOps = fastJsonPatch.applyPatch;
import { cloneJson } from '../clone';
import { badRequest, genericStatus } from '../errors';

/**
 * JSON patch (RFC 6902) via fast-json-patch. Errors as the patch handler
 * returns them (apiserver/pkg/endpoints/handlers/patch.go): an undecodable
 * patch is BadRequest; a failing operation is a 422 whose message is the
 * generic "the server rejected our request due to an error in our request"
 * with the jsonpatch error (evanphx/json-patch wording) as the cause.
 */
export function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = cloneJson(target);
  for (const op of patch as Operation[]) {
    try {
      applyOps(doc, [op], true, true);
    } catch (e) {
      const msg = evanphxMessage(op, e);
      throw genericStatus(422, 'Invalid', 'the server rejected our request due to an error in our request', { causes: [{ reason: '', message: msg, field: '' }] });
    }
  }
  return doc;
}

function evanphxMessage(op: Operation, e: unknown): string {
  const name = (e as { name?: string }).name ?? '';
  if (op.op === 'test') return `testing value ${op.path} failed: test failed`;
  if (name === 'OPERATION_PATH_UNRESOLVABLE' || name === 'OPERATION_PATH_CANNOT_ADD') {
    if (op.op === 'replace') return `replace operation does not apply: doc is missing key: ${op.path}: missing value`;
    return `${op.op} operation does not apply: doc is missing path: ${JSON.stringify(op.path)}: missing value`;
  }
  if (name === 'OPERATION_OP_INVALID') return `Unexpected kind: ${(op as { op: string }).op}`;
  return (e as Error).message?.split('\n')[0] ?? String(e);
}
