// The browser build of just-bash imports node:zlib for gzip/tar only. In the lab's
// Web Worker those commands fail with this message; nothing else needs zlib.
export const constants = {};
export function gzipSync(): never {
  throw new Error('gzip is not available in the browser lab');
}
export function gunzipSync(): never {
  throw new Error('gunzip is not available in the browser lab');
}
