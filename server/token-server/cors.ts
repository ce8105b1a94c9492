/**
 * CORS for an exact allow-list of origins. No credentials (the widget sends no cookies), no wildcard.
 * Every response carries `Vary: Origin` because its CORS headers depend on that request header.
 */

/** The custom header the widget sends: it makes every cross-origin call preflighted (no form CSRF). */
export const CLIENT_HEADER = 'X-Patient-Booking';
export const CLIENT_HEADER_VALUE = '1';

export const PREFLIGHT = {
  methods: 'POST',
  headers: `Content-Type, ${CLIENT_HEADER}`,
  maxAgeSeconds: 600,
} as const;

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

/** Headers of a 204 answer to a preflight from an allowed origin. */
export function preflightHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': PREFLIGHT.methods,
    'Access-Control-Allow-Headers': PREFLIGHT.headers,
    'Access-Control-Max-Age': String(PREFLIGHT.maxAgeSeconds),
  };
}

/** Adds `Vary: Origin` and, for an allowed origin only, `Access-Control-Allow-Origin`. */
export function withCors(response: Response, check: OriginCheck): Response {
  const headers = new Headers(response.headers);
  headers.append('Vary', 'Origin');
  if (check.kind === 'allowed') headers.set('Access-Control-Allow-Origin', check.origin);
  else headers.delete('Access-Control-Allow-Origin');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
