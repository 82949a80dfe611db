import type { Status, StatusReason } from './types';
import { type FieldError, fieldErrorString } from './field-errors';

/**
 * An API error: the `Status` the API server would return. Thrown by the store
 * and the API client; kubectl and the REST facade format it. Messages follow
 * apimachinery/pkg/api/errors/errors.go exactly.
 */
export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }
  get reason(): StatusReason | '' {
    return this.status.reason;
  }
  get code(): number {
    return this.status.code;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A resource qualified by group as errors print it: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function groupResourceString(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function status(code: number, reason: StatusReason | '', message: string, details?: Status['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

export function notFound(gr: GroupResource, name: string): ApiError {
  return status(404, 'NotFound', `${groupResourceString(gr)} "${name}" not found`, { name, group: gr.group || undefined, kind: gr.resource });
}

export function alreadyExists(gr: GroupResource, name: string): ApiError {
  return status(409, 'AlreadyExists', `${groupResourceString(gr)} "${name}" already exists`, { name, group: gr.group || undefined, kind: gr.resource });
}

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export function conflict(gr: GroupResource, name: string, detail: string): ApiError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${groupResourceString(gr)} "${name}": ${detail}`, {
    name,
    group: gr.group || undefined,
    kind: gr.resource,
  });
}

/** `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: …`; errs aggregated like utilerrors. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const parts = errs.map(fieldErrorString);
  const agg = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return status(422, 'Invalid', `${qualified} "${name}" is invalid: ${agg}`, {
    name,
    group: group || undefined,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: fieldErrorString(e).slice(e.field.length + 2), field: e.field })),
  });
}

export function badRequest(message: string): ApiError {
  return status(400, 'BadRequest', message);
}

export function forbidden(gr: GroupResource, name: string, detail: string): ApiError {
  const what = name ? `${groupResourceString(gr)} "${name}"` : groupResourceString(gr);
  return status(403, 'Forbidden', `${what} is forbidden: ${detail}`, { name: name || undefined, group: gr.group || undefined, kind: gr.resource });
}

export function methodNotSupported(gr: GroupResource, action: string): ApiError {
  return status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${groupResourceString(gr)}"`, {
    group: gr.group || undefined,
    kind: gr.resource,
  });
}

export function internalError(message: string): ApiError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

export function tooLarge(message: string): ApiError {
  return status(413, 'RequestEntityTooLarge', message);
}

export function genericStatus(code: number, reason: StatusReason | '', message: string, details?: Status['details']): ApiError {
  return status(code, reason, message, details);
}
