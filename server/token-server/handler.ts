import { readRequestBody } from './body.js';
import type { TokenServerConfig } from './config.js';
import { defaultTokenUrl } from './config.js';
import type { OriginCheck } from './cors.js';
import { checkOrigin, hasClientHeader, preflightHeaders, withCors, CLIENT_HEADER } from './cors.js';
import { BASE_HEADERS, TOKEN_SERVER_ERRORS as E, errorResponse } from './errors.js';
import { requestClientCredentialsToken } from './portal-token.js';
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

/** A web-standard fetch handler; runs unchanged on Node, Deno, Bun and serverless platforms. */
export interface TokenServer {
  handle(request: Request): Promise<Response>;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

export function createTokenServer(
  config: TokenServerConfig,
  deps: TokenServerDeps = {},
): TokenServer {
  const upstreamFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => undefined);
  const allowedOrigins: ReadonlySet<string> = new Set(config.allowedOrigins);

  const guestTokens = createTokenCache(
    () =>
      requestClientCredentialsToken({
        tokenUrl: config.tokenUrl ?? defaultTokenUrl(config.portalUrl),
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        timeoutMs: config.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
        fetch: upstreamFetch,
      }),
    now,
  );

  // The router. Later: '/oauth/token' (authorization_code + refresh_token mediation only) and an
  // allow-listed '/api/…' proxy; per-IP rate limiting goes in front of dispatch() in handle().
  const routes = new Map<string, Route>([['/token', tokenRoute(guestTokens, now)]]);

  /** The gate every route shares, then the route itself. */
  async function dispatch(
    request: Request,
    path: string,
    origin: OriginCheck,
    note: (k: string, v: string) => void,
  ): Promise<Response> {
    const route = routes.get(path);
    if (!route) return errorResponse(404, E.notFound, 'There is nothing at this path.');
    if (origin.kind === 'denied') {
      return errorResponse(403, E.originNotAllowed, 'This origin may not use the token server.');
    }
    if (origin.kind === 'absent' && !config.allowNoOrigin) {
      return errorResponse(
        403,
        E.originRequired,
        'Requests must come from an allowed browser origin.',
      );
    }
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { ...BASE_HEADERS, ...preflightHeaders() },
      });
    }
    if (!route.methods.includes(request.method)) {
      const allow = [...route.methods, 'OPTIONS'].join(', ');
      return errorResponse(405, E.methodNotAllowed, `Use ${route.methods.join(' or ')}.`, {
        Allow: allow,
      });
    }
    if (!hasClientHeader(request)) {
      return errorResponse(403, E.headerRequired, `Send the header ${CLIENT_HEADER}: 1.`);
    }
    const body = await readRequestBody(request, route.maxBodyBytes);
    if (body === null) {
      return errorResponse(
        413,
        E.payloadTooLarge,
        `The request body must not exceed ${route.maxBodyBytes} bytes.`,
      );
    }
    return route.handle({ request, body, note });
  }

  return {
    async handle(request) {
      const started = performance.now();
      const path = new URL(request.url).pathname;
      const origin = checkOrigin(request, allowedOrigins);
      const notes: string[] = [];
      const note = (key: string, value: string) => notes.push(`${key}=${value}`);
      let response: Response;
      try {
        response = await dispatch(request, path, origin, note);
      } catch {
        note('failure', 'exception');
        response = errorResponse(500, E.internal, 'The token server failed unexpectedly.');
      }
      response = withCors(response, origin);
      const ms = Math.round(performance.now() - started);
      const line = [request.method, path.slice(0, 100), response.status, `${ms}ms`, ...notes];
      try {
        log(line.join(' '));
      } catch {
        // a broken log sink must not break responses
      }
      return response;
    },
  };
}
