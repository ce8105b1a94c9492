/**
 * CORS for an exact allow-list of origins. No credentials (the widget sends no cookies), no wildcard.
 * Every response carries `Vary: Origin` because its CORS headers depend on that request header.
 */
import type { Route } from './route.js';

/** The custom header the widget sends: it makes every cross-origin call preflighted (no form CSRF). */
export const CLIENT_HEADER = 'X-Patient-Booking';
export const CLIENT_HEADER_VALUE = '1';

export const PREFLIGHT = {
  headers: `Content-Type, ${CLIENT_HEADER}`,
  maxAgeSeconds: 600,
} as const;

/** Response headers the widget may read: it honours the portal's (and our) rate limits. */
export const EXPOSED_HEADERS = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/** Result of looking at a request's `Origin`. */
export type OriginCheck =
  { kind: 'allowed'; origin: string } | { kind: 'denied'; origin: string } | { kind: 'absent' };

export function checkOrigin(request: Request, allowed: ReadonlySet<string>): OriginCheck {
  const origin = request.headers.get('Origin');
  if (origin === null) return { kind: 'absent' };
  return allowed.has(origin) ? { kind: 'allowed', origin } : { kind: 'denied', origin };
}

/** True when the request carries `X-Patient-Booking: 1`. */
export function hasClientHeader(request: Request): boolean {
  return request.headers.get(CLIENT_HEADER)?.trim() === CLIENT_HEADER_VALUE;
}

/** Headers of a 204 answer to a preflight from an allowed origin, for `route`. */
export function preflightHeaders(route: Route): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': route.methods.join(', '),
    'Access-Control-Allow-Headers': route.allowHeaders ?? PREFLIGHT.headers,
    'Access-Control-Max-Age': String(PREFLIGHT.maxAgeSeconds),
  };
}

/**
 * Adds `Vary: Origin` and, for an allowed origin only, `Access-Control-Allow-Origin` and
 * `Access-Control-Expose-Headers`.
 */
export function withCors(response: Response, check: OriginCheck): Response {
  const headers = new Headers(response.headers);
  headers.append('Vary', 'Origin');
  if (check.kind === 'allowed') {
    headers.set('Access-Control-Allow-Origin', check.origin);
    headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  } else {
    headers.delete('Access-Control-Allow-Origin');
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
