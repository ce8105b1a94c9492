/**
 * The checks every route shares, in this order: origin (403) → preflight (204) → per-IP rate
 * limit (429) → method (405) → custom header (403) → body size (413) → the route.
 */
import { readRequestBody } from './body.js';
import type { OriginCheck } from './cors.js';
import { CLIENT_HEADER, hasClientHeader, preflightHeaders } from './cors.js';
import { BASE_HEADERS, TOKEN_SERVER_ERRORS as E, errorResponse } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import type { Route } from './route.js';

export interface GateInput {
  request: Request;
  route: Route;
  origin: OriginCheck;
  /** Rate-limit key (client IP); `undefined`: unknown, not limited. */
  clientKey: string | undefined;
  note(key: string, value: string): void;
}

export interface GateOptions {
  allowNoOrigin: boolean;
  limiters: Readonly<Record<Route['budget'], RateLimiter>>;
}

export async function passGate(input: GateInput, options: GateOptions): Promise<Response> {
  const { request, route, origin, clientKey, note } = input;
  if (origin.kind === 'denied') {
    return errorResponse(403, E.originNotAllowed, 'This origin may not use the token server.');
  }
  if (origin.kind === 'absent' && !options.allowNoOrigin) {
    return errorResponse(
      403,
      E.originRequired,
      'Requests must come from an allowed browser origin.',
    );
  }
  if (request.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: { ...BASE_HEADERS, ...preflightHeaders(route) },
    });
  }
  if (clientKey !== undefined) {
    const decision = options.limiters[route.budget].hit(clientKey);
    if (!decision.allowed) {
      note('ratelimit', route.budget);
      const seconds = String(decision.retryAfterSeconds);
      return errorResponse(429, E.rateLimited, 'Too many requests; retry after a pause.', {
        'Retry-After': seconds,
        'RateLimit-Limit': String(decision.limit),
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': seconds,
      });
    }
  }
  if (!route.methods.includes(request.method)) {
    const allow = [...route.methods, 'OPTIONS'].join(', ');
    return errorResponse(405, E.methodNotAllowed, `Use ${route.methods.join(' or ')}.`, {
      Allow: allow,
    });
  }
  if (route.clientHeader !== false && !hasClientHeader(request)) {
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
