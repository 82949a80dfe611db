import type { InboundHttpResult } from '../service';
import { statusText } from '../model/http-status';

const TITLES: Record<number, string> = {
  308: '308 Permanent Redirect',
  404: '404 Not Found',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/**
 * nginx's built-in error pages (src/http/ngx_http_special_response.c, CRLF
 * line ends), which ingress-nginx serves for its default backend (404), a
 * Service without endpoints (503) and upstream failures (502/504).
 */
export function nginxErrorPage(code: number): Extract<InboundHttpResult, { status: number }> & { headers: Record<string, string> } {
  const title = TITLES[code] ?? `${code} ${statusText(code)}`;
  const body = ['<html>', `<head><title>${title}</title></head>`, '<body>', `<center><h1>${title}</h1></center>`, '<hr><center>nginx</center>', '</body>', '</html>', ''].join('\r\n');
  const statusTextOverride = code === 503 ? 'Service Temporarily Unavailable' : code === 504 ? 'Gateway Time-out' : statusText(code);
  return { status: code, statusText: statusTextOverride, headers: { 'content-type': 'text/html', server: 'nginx' }, body };
}
