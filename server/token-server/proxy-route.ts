/**
 * The optional API proxy: `/api/patient/v1/<allow-listed guest endpoint>` forwarded to the portal
 * with the server's cached guest token (the browser's own `Authorization` is never forwarded).
 * Catalogue GETs are cached for minutes, availabilities for seconds, POST /booking never.
 */
import { BASE_HEADERS, PortalError, errorReply } from './errors.js';
import type { PlainRequest, Reply } from './exchange.js';
import type { CacheResult, ProxyCache, UpstreamAnswer } from './proxy-cache.js';
import type { ProxyKind } from './proxy-paths.js';
import { PROXY_PREFIX, proxyKind } from './proxy-paths.js';
import type { ProxyUpstreamOptions } from './proxy-upstream.js';
import { forwardToPortal } from './proxy-upstream.js';
import type { Route, RouteContext } from './route.js';

export interface ApiProxyOptions extends ProxyUpstreamOptions {
  cache: ProxyCache;
  catalogueTtlSeconds: number;
  availabilityTtlSeconds: number;
}

export interface ApiProxy {
  /** The route for an allow-listed path (`/api/patient/v1/insurances`), else `undefined` (404). */
  route(path: string): Route | undefined;
}

/** The widget sends its own (guest) `Authorization`; it is allowed here and then ignored. */
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Patient-Booking';
const MAX_BOOKING_BYTES = 16 * 1024;

export function createApiProxy(options: ApiProxyOptions): ApiProxy {
  const routes: Record<ProxyKind, Route> = {
    catalogue: cachedGet(options, options.catalogueTtlSeconds),
    availability: cachedGet(options, options.availabilityTtlSeconds),
    booking: booking(options),
  };
  return {
    route(path) {
      if (!path.startsWith(`${PROXY_PREFIX}/`)) return undefined;
      const kind = proxyKind(path.slice(PROXY_PREFIX.length));
      return kind === undefined ? undefined : routes[kind];
    },
  };
}

/** Path below the prefix plus the query string, exactly as the browser sent them. */
function pathAndQuery(request: PlainRequest): string {
  return `${request.path.slice(PROXY_PREFIX.length)}${request.search}`;
}

function cachedGet(options: ApiProxyOptions, ttlSeconds: number): Route {
  return {
    methods: ['GET'],
    maxBodyBytes: 0,
    allowHeaders: ALLOW_HEADERS,
    budget: 'proxy',
    handle: ({ request, note }) =>
      relay(note, async () => {
        const target = pathAndQuery(request);
        const load = () => forwardToPortal(options, { method: 'GET', pathAndQuery: target }, note);
        const result: CacheResult = await options.cache.get(target, ttlSeconds * 1000, load);
        note('cache', result.source);
        const seconds = result.freshSeconds;
        const cacheControl =
          seconds === undefined ? 'no-store' : `public, max-age=${seconds}, s-maxage=${seconds}`;
        return toReply(result.answer, cacheControl);
      }),
  };
}

function booking(options: ApiProxyOptions): Route {
  return {
    methods: ['POST'],
    maxBodyBytes: MAX_BOOKING_BYTES,
    allowHeaders: ALLOW_HEADERS,
    budget: 'proxy',
    handle: ({ request, body, note }) =>
      relay(note, async () => {
        const idempotencyKey = request.headers.get('Idempotency-Key') ?? undefined;
        const answer = await forwardToPortal(
          options,
          { method: 'POST', pathAndQuery: pathAndQuery(request), body, idempotencyKey },
          note,
        );
        return toReply(answer, 'no-store');
      }),
  };
}

/** Runs `work`; a `PortalError` (no token, portal unreachable) becomes a 502 envelope. */
async function relay(note: RouteContext['note'], work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    note('portal', error.reason);
    return errorReply(502, error.code, error.message);
  }
}

/** The portal's status, body and passed headers, with our `Cache-Control`. */
function toReply(answer: UpstreamAnswer, cacheControl: string): Reply {
  const headers: Record<string, string> = Object.fromEntries(answer.headers);
  Object.assign(headers, BASE_HEADERS, { 'Cache-Control': cacheControl });
  const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
  return { status: answer.status, headers, body: empty ? null : answer.body };
}
