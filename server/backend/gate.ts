/**
 * The checks every API route shares, in this order: origin (403) → preflight (204) → per-IP rate
 * limit (429) → method (405) → body size (413) → the route.
 */
import type { RequestContext } from './client-ip.js';
import { clientKey } from './client-ip.js';
import type { OriginCheck } from './cors.js';
import { preflightHeaders } from './cors.js';
import { BASE_HEADERS, BACKEND_ERRORS as E, errorReply, rateLimitedReply } from './errors.js';
import type { Awaitable, PlainRequest, Reply } from './exchange.js';
import type { RateDecision, RateLimiter } from './rate-limit.js';
import type { Route } from './route.js';
import type { TrustedProxies } from './trusted-proxies.js';

export interface GateInput {
  request: PlainRequest;
  route: Route;
  origin: OriginCheck;
  /** What the platform says about the client (its IP, for the rate limit). */
  context: RequestContext;
  note(key: string, value: string): void;
}

export interface GateOptions {
  allowNoOrigin: boolean;
  limiters: Readonly<Record<Route['budget'], RateLimiter>>;
  /** The proxies whose `X-Forwarded-For` tells the client IP (see `client-ip.ts`). */
  trustProxy: TrustedProxies;
}

/** The 204 preflight answers, built once per route. */
const preflights = new WeakMap<Route, Reply>();

function preflight(route: Route): Reply {
  let reply = preflights.get(route);
  if (!reply) {
    const headers = Object.freeze({ ...BASE_HEADERS, ...preflightHeaders(route) });
    reply = { status: 204, headers, body: null };
    preflights.set(route, reply);
  }
  return reply;
}

/** Synchronous up to the body: a bodiless request reaches the route without waiting. */
export function passGate(input: GateInput, options: GateOptions): Awaitable<Reply> {
  const { request, route, origin } = input;
  if (origin.kind === 'denied' && !(route.anyOrigin && request.method === 'GET')) {
    return errorReply(403, E.originNotAllowed, 'This origin may not use the booking backend.');
  }
  // Browsers send `Origin` with every POST, PUT and DELETE (a same-origin GET has none).
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (origin.kind === 'absent' && !reading && !options.allowNoOrigin) {
    return errorReply(403, E.originRequired, 'Requests must come from an allowed browser origin.');
  }
  if (request.method === 'OPTIONS') {
    if (origin.kind !== 'allowed') {
      return errorReply(403, E.originNotAllowed, 'This origin may not use the booking backend.');
    }
    return preflight(route);
  }
  const limiter = options.limiters[route.budget];
  // The key (client IP) is looked for only when the budget is on; unknown: not limited.
  const key = limiter.enabled ? clientKey(request, input.context, options.trustProxy) : undefined;
  if (key === undefined) return admitted(input, options);
  const decision = limiter.hit(key);
  if (decision instanceof Promise) return decision.then((d) => checked(d, input, options));
  return checked(decision, input, options);
}

/** A shared store's window answers with a promise; memory's at once. */
function checked(decision: RateDecision, input: GateInput, options: GateOptions): Awaitable<Reply> {
  if (decision.allowed) return admitted(input, options);
  input.note('ratelimit', input.route.budget);
  return rateLimitedReply(decision);
}

/** Within budget: method (405), then the body (413), then the route. */
function admitted(input: GateInput, options: GateOptions): Awaitable<Reply> {
  const { request, route } = input;
  if (!route.methods.includes(request.method)) {
    const allow = [...route.methods, 'OPTIONS'].join(', ');
    return errorReply(405, E.methodNotAllowed, `Use ${route.methods.join(' or ')}.`, {
      Allow: allow,
    });
  }
  const body = request.readBody(route.maxBodyBytes);
  const enterWith = (bytes: Uint8Array | null) => enter(input, bytes, options.trustProxy);
  return body instanceof Promise ? body.then(enterWith) : enterWith(body);
}

/** The route, given a body within its limit; 413 otherwise. */
function enter(
  { request, route, note, context }: GateInput,
  body: Uint8Array | null,
  trustProxy: TrustedProxies,
): Awaitable<Reply> {
  if (body === null) {
    return errorReply(
      413,
      E.payloadTooLarge,
      `The request body must not exceed ${route.maxBodyBytes} bytes.`,
    );
  }
  const key = () => clientKey(request, context, trustProxy);
  return route.handle({ request, body, note, clientKey: key });
}
