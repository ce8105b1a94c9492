/**
 * Who may call the API: pages on the backend's own origin, and pages on the exact origins of the
 * allow-list (CORS, no credentials, no wildcard). Every API response carries `Vary: Origin`
 * because its CORS headers depend on that request header.
 */
import type { FinalReply, HeaderReader, Reply } from './exchange.js';
import type { Route } from './route.js';

export const PREFLIGHT = {
  headers: 'Content-Type',
  /** Two hours, the most Chromium keeps a preflight (Firefox: a day). */
  maxAgeSeconds: 7200,
} as const;

/** Response headers the widget may read: it honours the portal's (and our) rate limits. */
export const EXPOSED_HEADERS = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/** Result of looking at a request's `Origin`; an allowed one carries its CORS headers, built once. */
export type OriginCheck =
  | { kind: 'allowed'; origin: string; headers: Readonly<Record<string, string>> }
  | { kind: 'same' }
  | { kind: 'denied'; origin: string }
  | { kind: 'absent' };

const ABSENT: OriginCheck = { kind: 'absent' };
const SAME: OriginCheck = { kind: 'same' };
const VARY_ONLY: Readonly<Record<string, string>> = Object.freeze({ Vary: 'Origin' });

/**
 * A checker for an allow-list of exact origins, with each origin's response headers precomputed.
 * A request from the backend's own origin is `same`: the browser says so (`Sec-Fetch-Site`, which
 * page scripts cannot set), or its `Origin` names the host the request was sent to.
 */
export function originChecker(
  allowed: Iterable<string>,
): (origin: string | null, headers: HeaderReader) => OriginCheck {
  const checks = new Map<string, OriginCheck>();
  for (const origin of allowed) {
    const headers = Object.freeze({
      Vary: 'Origin',
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    });
    checks.set(origin, { kind: 'allowed', origin, headers });
  }
  return (origin, headers) => {
    if (origin === null) return ABSENT;
    const listed = checks.get(origin);
    if (listed) return listed;
    if (headers.get('Sec-Fetch-Site') === 'same-origin' || isSameHost(origin, headers)) return SAME;
    return { kind: 'denied', origin };
  };
}

/** `Origin`'s host and port equal the request's `Host` (a browser without `Sec-Fetch-Site`). */
function isSameHost(origin: string, headers: HeaderReader): boolean {
  const host = headers.get('Host');
  if (host === null) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
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
  // A refused origin may read its refusal (the envelope only), so the widget can name the problem.
  if (check.kind === 'denied') {
    const headers = headerList(reply.headers, {
      ...VARY_ONLY,
      'Access-Control-Allow-Origin': check.origin,
    });
    return { status: reply.status, headers, body: reply.body };
  }
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
