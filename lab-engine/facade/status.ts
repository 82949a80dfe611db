import { ApiError, internalError } from '../api/errors';
import type { FacadeResponse } from './types';

export function json(status: number, body: unknown): FacadeResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function statusResponse(e: ApiError): FacadeResponse {
  return json(e.status.code, e.status);
}

/** Any failure becomes a Kubernetes Status; a bug never takes the server down. */
export function errorResponse(e: unknown): FacadeResponse {
  if (e instanceof ApiError) return statusResponse(e);
  const msg = e instanceof Error ? e.message : String(e);
  return statusResponse(internalError(msg));
}

export function notFoundPath(path: string): FacadeResponse {
  return json(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: { causes: [{ reason: 'UnexpectedServerResponse', message: `404 page not found: ${path}` }] }, code: 404 });
}
