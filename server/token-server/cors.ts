/**
 * CORS for an exact allow-list of origins. No credentials (the widget sends no cookies), no wildcard.
 * Every response carries `Vary: Origin` because its CORS headers depend on that request header.
 */
import type { FinalReply, HeaderReader, Reply } from './exchange.js';
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

/** Result of looking at a request's `Origin`; an allowed one carries its CORS headers, built once. */
export type OriginCheck =
  | { kind: 'allowed'; origin: string; headers: Readonly<Record<string, string>> }
  | { kind: 'denied'; origin: string }
  | { kind: 'absent' };

const ABSENT: OriginCheck = { kind: 'absent' };
const VARY_ONLY: Readonly<Record<string, string>> = Object.freeze({ Vary: 'Origin' });

/** A checker for an allow-list of exact origins, with each origin's response headers precomputed. */
export function originChecker(allowed: Iterable<string>): (origin: string | null) => OriginCheck {
  const checks = new Map<string, OriginCheck>();
  for (const origin of allowed) {
    const headers = Object.freeze({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    });
    checks.set(origin, { kind: 'allowed', origin, headers });
  }
  return (origin) =>
    origin === null ? ABSENT : (checks.get(origin) ?? { kind: 'denied', origin });
}

/** True when the request carries `X-Patient-Booking: 1`. */
export function hasClientHeader(headers: HeaderReader): boolean {
  return headers.get(CLIENT_HEADER)?.trim() === CLIENT_HEADER_VALUE;
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
 * The final reply: `reply` plus `Vary: Origin` and, for an allowed origin only,
 * `Access-Control-Allow-Origin` and `Access-Control-Expose-Headers` (routes never set
 * `Access-Control-*` themselves). For a frozen (constant) `reply.headers` the list is built once
 * per origin and reused.
 */
export function withCors(reply: Reply, check: OriginCheck): FinalReply {
  const cors = check.kind === 'allowed' ? check.headers : VARY_ONLY;
  const headers = Object.isFrozen(reply.headers)
    ? cachedList(reply.headers, cors)
    : headerList(reply.headers, cors);
  return { status: reply.status, headers, body: reply.body };
}

/** Final header lists of constant header sets, by set and then by CORS headers (origin). */
const lists = new WeakMap<object, Map<object, readonly string[]>>();

function cachedList(
  headers: Readonly<Record<string, string>>,
  cors: Readonly<Record<string, string>>,
): readonly string[] {
  let byCors = lists.get(headers);
  if (!byCors) lists.set(headers, (byCors = new Map()));
  let list = byCors.get(cors);
  if (!list) byCors.set(cors, (list = Object.freeze(headerList(headers, cors))));
  return list;
}

function headerList(
  headers: Readonly<Record<string, string>>,
  cors: Readonly<Record<string, string>>,
): string[] {
  const list: string[] = [];
  for (const [name, value] of Object.entries(headers)) if (name !== 'Vary') list.push(name, value);
  for (const [name, value] of Object.entries(cors)) {
    const vary = name === 'Vary' ? headers.Vary : undefined;
    list.push(name, vary === undefined ? value : `${vary}, ${value}`);
  }
  return list;
}
