/** A transport-neutral HTTP request/response, so the facade stays pure (no Node http here). */
export interface FacadeRequest {
  method: string;
  /** Path without query, e.g. /api/v1/namespaces/default/pods. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>; // lower-case names
  body?: string;
  /** The raw body, for binary content types (protobuf). */
  bodyBytes?: Uint8Array;
}

export interface FacadeResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /**
   * For watch requests: starts the stream. `send` writes one JSON watch event
   * line; the returned function stops it (client went away).
   */
  watch?: (send: (line: string) => void) => () => void;
}

export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}
