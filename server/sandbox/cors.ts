/**
 * CORS for every sandbox route: any http(s) origin on localhost / 127.0.0.1 / [::1], plus the
 * configured ones ("*" = any). Preflights are answered here, before anything else runs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSE = [
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'WWW-Authenticate',
  'Idempotent-Replayed',
  'Location',
].join(', ');
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

export function createOriginCheck(extra: readonly string[]): (origin: string) => boolean {
  const allowed = new Set(extra.map((o) => o.replace(/\/+$/, '')));
  return (origin) => {
    if (allowed.has('*')) return origin !== 'null';
    if (allowed.has(origin)) return true;
    const url = URL.parse(origin);
    return (
      !!url && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname)
    );
  };
}

/**
 * Sets the CORS headers for an allowed origin. Returns true when the request was a preflight
 * and has been answered.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  isAllowed: (origin: string) => boolean,
): boolean {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const allowed = typeof origin === 'string' && isAllowed(origin);
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSE);
  }
  const preflight =
    req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', METHODS);
    const requested = req.headers['access-control-request-headers'];
    if (typeof requested === 'string' && HEADER_LIST.test(requested.trim())) {
      res.setHeader('Access-Control-Allow-Headers', requested.trim());
    }
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = 204;
  res.setHeader('Content-Length', '0');
  res.end();
  return true;
}
