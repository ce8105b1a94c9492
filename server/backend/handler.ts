import type { ApiCacheStats } from './api-cache.js';
import { createApiCache } from './api-cache.js';
import { createApiRoutes } from './api-route.js';
import { createBookingBudgets } from './booking-budgets.js';
import type { GuardStats } from './booking-guard.js';
import { createBookingGuard } from './booking-guard.js';
import type { RequestContext } from './client-ip.js';
import type { BackendConfig } from './config.js';
import { DEFAULTS, defaultApiUrl, defaultTokenUrl, portalEndpoint } from './config.js';
import { configRoute } from './config-route.js';
import { originChecker, withCors } from './cors.js';
import { BACKEND_ERRORS as E, PortalError, errorReply } from './errors.js';
import type { Awaitable, FinalReply, PlainRequest, Reply } from './exchange.js';
import { fromRequest, toResponse } from './exchange.js';
import { passGate } from './gate.js';
import { HEALTH_PATH, healthReply } from './health.js';
import { loginRoute } from './login-route.js';
import { logoutRoute } from './logout-route.js';
import { powChallengeRoute } from './pow-route.js';
import { createProofOfWork, randomHmacKey } from './proof-of-work.js';
import { requestClientCredentialsToken } from './portal-token.js';
import type { Route } from './route.js';
import { decodeSessionKey, sessionSealer } from './session-cookie.js';
import type { SpentProofs } from './spent-proofs.js';
import type { Store } from './store.js';
import { backendState } from './store-state.js';
import { parseTrustedProxies } from './trusted-proxies.js';
import type { WidgetFiles } from './widget-files.js';
import { widgetFileReply } from './widget-files.js';

/** Injectable edges: the upstream `fetch`, the wall clock (ms), the log sink and the widget files. */
export interface BackendDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** One line per request: method, path, status, duration and notes such as `cache=hit`. */
  log?: (line: string) => void;
  /** The built widget, served at the root; absent: the backend serves the API only. */
  files?: WidgetFiles;
  /** Set-up problems for the operator (e.g. the portal refuses the client's credentials). */
  warn?: (line: string) => void;
  /** Where spent proofs of work are kept; default: the store's, or this process's memory. */
  spentProofs?: SpentProofs;
  /**
   * State shared with other instances (rate-limit windows, booking budgets, spent proofs, the
   * guest token), already scoped to this practice; default: this process's memory.
   */
  store?: Store;
}

/** Counters since start, e.g. for "upstream requests per 1,000 visitors". */
export interface BackendStats {
  /** Requests sent to the portal: guest tokens, login exchanges and revocations, API calls. */
  upstream: { token: number; login: number; api: number };
  /** The guest API's GET cache: hits, misses (upstream), shared (waited for a running miss). */
  apiCache: ApiCacheStats;
  /** Requests refused with 429 by the per-IP limit. */
  rateLimited: number;
  /** Guest bookings refused by the proof of work or a booking budget. */
  bookingGuard: GuardStats;
}

/** A web-standard fetch handler; runs unchanged on Node, workerd, Deno and Bun. */
export interface Backend {
  /** `context.clientIp`: the peer address, for the per-IP rate limit (absent: not limited). */
  handle(request: Request, context?: RequestContext): Promise<Response>;
  /**
   * The same answer as plain data, for adapters that speak their platform's HTTP directly (the
   * Node adapter): no web `Request`, `Headers` or `Response` objects on the way, and no promise
   * when the answer is known at once (see `Awaitable`).
   */
  respond(request: PlainRequest, context?: RequestContext): Awaitable<FinalReply>;
  stats(): BackendStats;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

export function createBackend(config: BackendConfig, deps: BackendDeps = {}): Backend {
  const baseFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const { log, files } = deps;
  const checkOrigin = originChecker(config.allowedOrigins);
  const upstream = { token: 0, login: 0, api: 0 };
  const counted =
    (kind: keyof typeof upstream): typeof fetch =>
    (input, init) => {
      upstream[kind] += 1;
      return baseFetch(input, init);
    };
  const timeoutMs = config.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const tokenUrl = config.tokenUrl ?? defaultTokenUrl(config.portalUrl);
  const { clientId, clientSecret } = config;
  const client = { tokenUrl, clientId, clientSecret, timeoutMs };

  const proofConfig = { ...DEFAULTS.proof, ...config.proof };
  const hmacKey = proofConfig.hmacKey ?? randomHmacKey();
  const state = backendState({
    store: deps.store,
    keySecret: hmacKey,
    now,
    tokenWaitMs: timeoutMs,
  });
  const guestTokens = state.tokens(() =>
    requestClientCredentialsToken({ ...client, fetch: counted('token') }).catch(
      (error: unknown) => {
        if (error instanceof PortalError && error.code === E.portalRejected) {
          deps.warn?.(
            `backend: the portal refused the client credentials of CLIENT_ID "${clientId}" ` +
              `(${error.reason}): check CLIENT_ID and CLIENT_SECRET`,
          );
        }
        throw error;
      },
    ),
  );
  const rate = config.rateLimit ?? DEFAULTS.rateLimit;
  const limiter = (name: string, limit: number) =>
    state.limiter(name, limit, rate.windowSeconds * 1000);
  const limiters = { login: limiter('login', rate.limit), api: limiter('api', rate.proxyLimit) };
  /** Each client's share of the portal's per-client budget: the guest GETs the cache cannot answer. */
  // (Off with the API's own limit, unless set: a budget inside a budget that is off.)
  const upstreamLimiter = limiter(
    'upstream',
    rate.upstreamLimit ?? (rate.proxyLimit === 0 ? 0 : DEFAULTS.rateLimit.upstreamLimit),
  );

  const proofs = createProofOfWork({
    hmacKey,
    maxNumber: proofConfig.maxNumber,
    expiresSeconds: proofConfig.expiresSeconds,
    spent: deps.spentProofs ?? state.spentProofs,
    now,
  });
  const limits = config.bookingLimits ?? DEFAULTS.bookingLimits;
  const guard = createBookingGuard(
    proofs,
    createBookingBudgets({ limits, hmacKey, now, limiter: state.limiter }),
  );

  const cache = createApiCache({ now });
  const api = createApiRoutes({
    guard,
    upstreamBudget: (key) =>
      key === undefined || !upstreamLimiter.enabled ? ALLOWED_ONCE : upstreamLimiter.hit(key),
    apiUrl: defaultApiUrl(config.portalUrl),
    userinfoUrl: portalEndpoint(config.portalUrl, '/oauth/userinfo'),
    tokens: guestTokens,
    timeoutMs,
    fetch: counted('api'),
    cache,
    catalogueTtlSeconds: config.cache?.catalogueTtlSeconds ?? DEFAULTS.catalogueTtlSeconds,
    availabilityTtlSeconds: Math.min(
      config.cache?.availabilityTtlSeconds ?? DEFAULTS.availabilityTtlSeconds,
      DEFAULTS.maxAvailabilityTtlSeconds,
    ),
  });

  // The router: exact paths, then the API's allow-list, then the widget's files.
  const redirectUris = config.redirectUris ?? [];
  const routes = new Map<string, Route>([
    ['/oauth/userinfo', api.userinfo],
    ['/pow-challenge', powChallengeRoute(proofs)],
    [
      '/config',
      configRoute({
        login:
          redirectUris.length > 0
            ? {
                issuer: config.portalUrl.replace(/\/+$/, ''),
                authorizationEndpoint: portalEndpoint(config.portalUrl, '/oauth/authorize'),
                clientId,
                redirectUris,
              }
            : null,
        practice: config.practice ?? {},
      }),
    ],
  ]);
  if (redirectUris.length > 0) {
    const key = config.sessionKey === undefined ? undefined : decodeSessionKey(config.sessionKey);
    const login = {
      ...client,
      revocationUrl: config.revocationUrl ?? portalEndpoint(config.portalUrl, '/oauth/revoke'),
      fetch: counted('login'),
      sessions: sessionSealer(key, clientId),
    };
    routes.set('/oauth/token', loginRoute({ ...login, redirectUris, now }));
    routes.set('/oauth/logout', logoutRoute(login));
  }
  const fileOptions = { frameAncestors: config.allowedOrigins };

  const gateOptions = {
    allowNoOrigin: config.allowNoOrigin === true,
    limiters,
    trustProxy: parseTrustedProxies(config.trustProxy ?? []),
  };

  function answer(
    request: PlainRequest,
    context: RequestContext,
    note: (key: string, value: string) => void,
  ): Awaitable<FinalReply> {
    if (request.path === HEALTH_PATH && readsFile(request)) {
      return healthReply(deps.store?.status() ?? 'memory');
    }
    const origin = checkOrigin(request.headers.get('Origin'), request.headers);
    let reply: Awaitable<Reply>;
    try {
      const route = routes.get(request.path) ?? api.route(request.path);
      if (route) reply = passGate({ request, route, origin, note, context }, gateOptions);
      else {
        const file =
          files && readsFile(request) ? widgetFileReply(files, request, fileOptions) : undefined;
        if (file) return { ...file, headers: Object.entries(file.headers).flat() };
        reply = errorReply(404, E.notFound, 'There is nothing at this path.');
      }
    } catch {
      reply = failed(note);
    }
    if (!(reply instanceof Promise)) return withCors(reply, origin);
    return reply.then(
      (settled) => withCors(settled, origin),
      () => withCors(failed(note), origin),
    );
  }

  /** With a log sink: time the request, collect notes, write one line. Without: none of that. */
  function respond(request: PlainRequest, context: RequestContext = {}): Awaitable<FinalReply> {
    return log ? logged(request, context, log) : answer(request, context, ignore);
  }

  async function logged(
    request: PlainRequest,
    context: RequestContext,
    sink: (line: string) => void,
  ): Promise<FinalReply> {
    const started = performance.now();
    const notes: string[] = [];
    const reply = await answer(request, context, (key, value) => notes.push(`${key}=${value}`));
    const ms = Math.round(performance.now() - started);
    const { method, path } = request;
    try {
      sink([method, path.slice(0, 100), reply.status, `${ms}ms`, ...notes].join(' '));
    } catch {
      // a broken log sink must not break responses
    }
    return reply;
  }

  return {
    handle: async (request, context) => toResponse(await respond(fromRequest(request), context)),
    respond,
    stats: () => ({
      upstream: { ...upstream },
      apiCache: cache.stats(),
      rateLimited: limiters.login.refusals() + limiters.api.refusals() + upstreamLimiter.refusals(),
      bookingGuard: guard.stats(),
    }),
  };
}

const readsFile = (request: PlainRequest) => request.method === 'GET' || request.method === 'HEAD';

const ignore = (): void => undefined;
const ALLOWED_ONCE = Object.freeze({ allowed: true as const });

/** The 500 envelope for a route that threw. */
function failed(note: (key: string, value: string) => void): Reply {
  note('failure', 'exception');
  return errorReply(500, E.internal, 'The booking backend failed unexpectedly.');
}
