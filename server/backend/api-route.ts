/**
 * The API under `/api/patient/v1/…`, with the portal's paths and shapes. A guest's calls go out
 * with the backend's own guest token (the browser never holds one): catalogue GETs cached for
 * minutes, availabilities for seconds, each under its canonical query; `POST /booking` never
 * cached. A signed-in patient's calls carry the patient's bearer token and are passed on as they
 * are, never cached. `GET /oauth/userinfo` is the patient's too.
 */
import {
  BASE_HEADERS,
  BACKEND_ERRORS as E,
  PortalError,
  errorReply,
  rateLimitedReply,
} from './errors.js';
import type { Awaitable, PlainRequest, Reply } from './exchange.js';
import type { ApiCache, CacheResult, UpstreamAnswer } from './api-cache.js';
import type { BookingGuard } from './booking-guard.js';
import { PROOF_HEADER } from './booking-guard.js';
import type { ApiPath } from './api-paths.js';
import { API_PREFIX, apiPath, canonicalQuery } from './api-paths.js';
import type { ApiRequest, ApiUpstreamOptions } from './api-upstream.js';
import { forwardToPortal } from './api-upstream.js';
import type { Route, RouteContext } from './route.js';
import type { RateDecision } from './rate-limit.js';

export interface ApiRoutesOptions extends ApiUpstreamOptions {
  cache: ApiCache;
  catalogueTtlSeconds: number;
  availabilityTtlSeconds: number;
  /** The portal's userinfo endpoint. */
  userinfoUrl: string;
  /** Proof of work and budgets in front of a guest's booking. */
  guard: BookingGuard;
  /**
   * Each client's share of the portal's budget: a guest GET that the cache cannot answer spends
   * it (the client's IP key). Absent: not limited.
   */
  upstreamBudget?: (clientKey: string | undefined) => Awaitable<RateDecision>;
}

export interface ApiRoutes {
  /** The route for an allow-listed path (`/api/patient/v1/insurances`), else `undefined` (404). */
  route(path: string): Route | undefined;
  /** `GET /oauth/userinfo`, the signed-in patient's profile. */
  userinfo: Route;
}

const ALLOW_HEADERS = `Authorization, Content-Type, Idempotency-Key, ${PROOF_HEADER}`;
const MAX_BODY_BYTES = 16 * 1024;
/** `Bearer` and a token of the characters RFC 6750 allows, of a sane length. */
const BEARER = /^Bearer [A-Za-z0-9\-._~+/]{8,4096}=*$/;

export function createApiRoutes(options: ApiRoutesOptions): ApiRoutes {
  const routes = new Map<ApiPath, Route>();
  const routeFor = (entry: ApiPath): Route => {
    let route = routes.get(entry);
    if (!route) routes.set(entry, (route = apiRoute(options, entry)));
    return route;
  };
  return {
    route(path) {
      if (!path.startsWith(`${API_PREFIX}/`)) return undefined;
      const entry = apiPath(path.slice(API_PREFIX.length));
      return entry && routeFor(entry);
    },
    userinfo: patientOnly(['GET'], (request, body, note) =>
      passOn(options, { ...patientRequest(request, body), url: options.userinfoUrl }, note),
    ),
  };
}

function apiRoute(options: ApiRoutesOptions, entry: ApiPath): Route {
  switch (entry.kind) {
    case 'catalogue':
      return cachedGet(options, entry, options.catalogueTtlSeconds);
    case 'availability':
      return cachedGet(options, entry, options.availabilityTtlSeconds, true);
    case 'booking':
      return booking(options);
    case 'patient':
      return patientOnly(entry.patientMethods, (request, body, note) =>
        passOn(options, patientRequest(request, body), note),
      );
  }
}

const isAvailabilities = (key: string) => key.includes('/availabilities');

/** Path below the prefix, for the portal. */
const subpath = (request: PlainRequest) => request.path.slice(API_PREFIX.length);

/**
 * A cached guest GET. The browser's `Authorization`, if any, is ignored: the catalogue is the
 * same for everyone. `revalidate` (availabilities, which change as anyone books): kept here for
 * their seconds and forgotten at every booking, but neither browsers nor shared caches keep them,
 * since they would show a slot just taken as free.
 */
function cachedGet(
  options: ApiRoutesOptions,
  entry: ApiPath,
  ttlSeconds: number,
  revalidate = false,
): Route {
  return {
    methods: ['GET'],
    maxBodyBytes: 0,
    allowHeaders: ALLOW_HEADERS,
    budget: 'api',
    handle: ({ request, note, clientKey }) => {
      const query = canonicalQuery(request.search, entry.params);
      if (!query.ok) {
        return errorReply(400, E.invalidParameter, `The parameter ${query.name} is malformed.`);
      }
      const target = `${subpath(request)}${query.search}`;
      // Only what reaches the portal spends the client's share of it: cached answers are free.
      const spent = options.cache.wouldLoad(target)
        ? options.upstreamBudget?.(clientKey())
        : undefined;
      const serve = (decision: RateDecision | undefined) =>
        serveGet(options, { target, ttlSeconds, revalidate, note }, decision);
      return spent instanceof Promise ? spent.then(serve) : serve(spent);
    },
  };
}

interface GetRequest {
  target: string;
  ttlSeconds: number;
  revalidate: boolean;
  note: RouteContext['note'];
}

/** A guest GET once its client's share of the portal is known: the cache, the portal or a 429. */
function serveGet(
  options: ApiRoutesOptions,
  { target, ttlSeconds, revalidate, note }: GetRequest,
  spent: RateDecision | undefined,
): Awaitable<Reply> {
  if (spent && !spent.allowed) {
    note('ratelimit', 'upstream');
    const old = revalidate ? undefined : options.cache.stale(target);
    if (old) {
      note('cache', old.source);
      return toReply(old.answer, 'no-store');
    }
    return rateLimitedReply(spent);
  }
  return relay(note, async () => {
    const load = () => forwardToPortal(options, { method: 'GET', pathAndQuery: target }, note);
    const result: CacheResult = await options.cache.get(target, ttlSeconds * 1000, load);
    note('cache', result.source);
    const seconds = result.freshSeconds;
    const cacheControl =
      seconds === undefined
        ? 'no-store'
        : revalidate
          ? 'no-cache'
          : `public, max-age=${seconds}, s-maxage=${seconds}`;
    return toReply(result.answer, cacheControl);
  });
}

/**
 * `POST /booking`: a guest's with the backend's token once the guard admits it (proof of work,
 * budgets), a signed-in patient's with theirs.
 */
function booking(options: ApiRoutesOptions): Route {
  return {
    methods: ['POST'],
    maxBodyBytes: MAX_BODY_BYTES,
    allowHeaders: ALLOW_HEADERS,
    budget: 'api',
    handle: async (context) => {
      const { request, body, note } = context;
      if (!isJson(request)) {
        return errorReply(415, E.unsupportedMediaType, 'Send the booking as application/json.');
      }
      const authorization = request.headers.get('Authorization');
      if (authorization !== null && !BEARER.test(authorization)) return invalidToken();
      note('as', authorization === null ? 'guest' : 'patient');
      const key = idempotencyKey(request);
      if (authorization === null) {
        const refusal = await options.guard.admit(context, key.idempotencyKey);
        if (refusal) return refusal;
      }
      const req: ApiRequest = {
        method: 'POST',
        pathAndQuery: subpath(request),
        body,
        ...key,
        ...(authorization === null ? {} : { patientAuthorization: authorization }),
      };
      // Whatever the answer (booked, or taken meanwhile: 409), the times this backend holds may
      // show that slot as free: the next look at any times asks the portal.
      return passOn(options, req, note).finally(() => options.cache.forget(isAvailabilities));
    },
  };
}

type PatientCall = (
  request: PlainRequest,
  body: Uint8Array,
  note: RouteContext['note'],
) => Promise<Reply>;

/** A route for the signed-in patient only: a bearer token is required, and passed on. */
function patientOnly(methods: readonly string[], call: PatientCall): Route {
  return {
    methods,
    maxBodyBytes: MAX_BODY_BYTES,
    allowHeaders: ALLOW_HEADERS,
    budget: 'api',
    handle: ({ request, body, note }) => {
      const authorization = request.headers.get('Authorization');
      if (authorization === null || !BEARER.test(authorization)) return invalidToken();
      if (body.byteLength > 0 && !isJson(request)) {
        return errorReply(415, E.unsupportedMediaType, 'Send application/json.');
      }
      return call(request, body, note);
    },
  };
}

function patientRequest(request: PlainRequest, body: Uint8Array): ApiRequest {
  return {
    method: request.method,
    pathAndQuery: `${subpath(request)}${request.search.slice(0, 512)}`,
    body,
    ...idempotencyKey(request),
    patientAuthorization: request.headers.get('Authorization') ?? '',
  };
}

function idempotencyKey(request: PlainRequest): { idempotencyKey?: string } {
  const key = request.headers.get('Idempotency-Key');
  return key !== null && /^[A-Za-z0-9-]{1,64}$/.test(key) ? { idempotencyKey: key } : {};
}

function isJson(request: PlainRequest): boolean {
  const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** What the portal says to a request without a usable token (api-contract: 401). */
function invalidToken(): Reply {
  return {
    status: 401,
    headers: {
      ...BASE_HEADERS,
      'Content-Type': 'application/json',
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    },
    body: '{"error":"invalid_token"}',
  };
}

function passOn(options: ApiRoutesOptions, req: ApiRequest, note: RouteContext['note']) {
  return relay(note, async () => toReply(await forwardToPortal(options, req, note), 'no-store'));
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
