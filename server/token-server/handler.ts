import type { RequestContext } from './client-ip.js';
import type { TokenServerConfig } from './config.js';
import { DEFAULTS, defaultApiUrl, defaultTokenUrl } from './config.js';
import { originChecker, withCors } from './cors.js';
import { TOKEN_SERVER_ERRORS as E, errorReply } from './errors.js';
import type { Awaitable, FinalReply, PlainRequest, Reply } from './exchange.js';
import { fromRequest, toResponse } from './exchange.js';
import { passGate } from './gate.js';
import { loginRoute } from './login-route.js';
import { requestClientCredentialsToken } from './portal-token.js';
import type { ProxyCacheStats } from './proxy-cache.js';
import { createProxyCache } from './proxy-cache.js';
import { createApiProxy } from './proxy-route.js';
import { createRateLimiter } from './rate-limit.js';
import type { Route } from './route.js';
import { createTokenCache } from './token-cache.js';
import { tokenRoute } from './token-route.js';

/** Injectable edges: the upstream `fetch`, the wall clock (ms) and the log sink. */
export interface TokenServerDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** One line per request: method, path, status, duration and notes such as `cache=hit`. */
  log?: (line: string) => void;
}

/** Counters since start, e.g. for "upstream requests per 1,000 visitors". */
export interface TokenServerStats {
  /** Requests sent to the portal: guest tokens, relayed login exchanges, proxied API calls. */
  upstream: { token: number; login: number; api: number };
  /** The proxy's GET cache: hits, misses (upstream), shared (waited for a running miss). */
  proxyCache: ProxyCacheStats;
  /** Requests refused with 429 by the per-IP limit. */
  rateLimited: number;
}

/** A web-standard fetch handler; runs unchanged on Node, Deno, Bun and serverless platforms. */
export interface TokenServer {
  /** `context.clientIp`: the peer address, for the per-IP rate limit (absent: not limited). */
  handle(request: Request, context?: RequestContext): Promise<Response>;
  /**
   * The same answer as plain data, for adapters that speak their platform's HTTP directly (the
   * Node adapter): no web `Request`, `Headers` or `Response` objects on the way, and no promise
   * when the answer is known at once (see `Awaitable`).
   */
  respond(request: PlainRequest, context?: RequestContext): Awaitable<FinalReply>;
  stats(): TokenServerStats;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

export function createTokenServer(
  config: TokenServerConfig,
  deps: TokenServerDeps = {},
): TokenServer {
  const baseFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const { log } = deps;
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

  const guestTokens = createTokenCache(
    () => requestClientCredentialsToken({ ...client, fetch: counted('token') }),
    now,
  );
  const rate = config.rateLimit ?? DEFAULTS.rateLimit;
  const limiter = (limit: number) =>
    createRateLimiter({ limit, windowMs: rate.windowSeconds * 1000, now });
  const limiters = { token: limiter(rate.limit), proxy: limiter(rate.proxyLimit) };

  // The router: exact paths, then the proxy's allow-list.
  const routes = new Map<string, Route>([['/token', tokenRoute(guestTokens, now)]]);
  const redirectUris = config.redirectUris ?? [];
  if (redirectUris.length > 0) {
    routes.set('/oauth/token', loginRoute({ ...client, redirectUris, fetch: counted('login') }));
  }
  const cache = createProxyCache({ now });
  const proxy = config.proxy?.enabled
    ? createApiProxy({
        apiUrl: defaultApiUrl(config.portalUrl),
        tokens: guestTokens,
        timeoutMs,
        fetch: counted('api'),
        cache,
        catalogueTtlSeconds: config.proxy.catalogueTtlSeconds ?? DEFAULTS.catalogueTtlSeconds,
        availabilityTtlSeconds: Math.min(
          config.proxy.availabilityTtlSeconds ?? DEFAULTS.availabilityTtlSeconds,
          DEFAULTS.maxAvailabilityTtlSeconds,
        ),
      })
    : undefined;

  const gateOptions = {
    allowNoOrigin: config.allowNoOrigin === true,
    limiters,
    trustProxy: config.trustProxy ?? 0,
  };

  function answer(
    request: PlainRequest,
    context: RequestContext,
    note: (key: string, value: string) => void,
  ): Awaitable<FinalReply> {
    const origin = checkOrigin(request.headers.get('Origin'));
    let reply: Awaitable<Reply>;
    try {
      const route = routes.get(request.path) ?? proxy?.route(request.path);
      reply = route
        ? passGate({ request, route, origin, note, context }, gateOptions)
        : errorReply(404, E.notFound, 'There is nothing at this path.');
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
      proxyCache: cache.stats(),
      rateLimited: limiters.token.refusals() + limiters.proxy.refusals(),
    }),
  };
}

const ignore = (): void => undefined;

/** The 500 envelope for a route that threw. */
function failed(note: (key: string, value: string) => void): Reply {
  note('failure', 'exception');
  return errorReply(500, E.internal, 'The token server failed unexpectedly.');
}
