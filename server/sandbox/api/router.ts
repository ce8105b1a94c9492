/**
 * /api/patient/v1: route match (404 / 405) → bearer token (401) → rate limit (429) → scope and
 * grant (403, before any id lookup) → JSON body (400) → handler, with Idempotency-Key replay on
 * writes. Every handler is wrapped: an exception becomes a 500 envelope, logged without data.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ApiResponse } from '../envelopes.js';
import {
  BodyTooLargeError,
  canonicalJson,
  isPlainObject,
  readBody,
  sendJson,
} from '../http-utils.js';
import { API_PATH } from '../oidc-clients.js';
import { appointmentRoutes } from './appointments.js';
import { asapVideoRoutes } from './asap-video.js';
import { authenticate, checkAccess, rateLimit } from './auth.js';
import { availabilityRoutes } from './availabilities.js';
import { bookingRoutes } from './booking.js';
import { catalogueRoutes } from './catalogue.js';
import type { ApiDeps, RequestContext, Route } from './context.js';

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

const ROUTES: CompiledRoute[] = [
  ...catalogueRoutes,
  ...availabilityRoutes,
  ...bookingRoutes,
  ...appointmentRoutes,
  ...asapVideoRoutes,
].map((route) => {
  const names: string[] = [];
  const source = route.pattern.replace(/:([a-z_]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${source}$`), names };
});

function matchRoute(
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } {
  const candidates = ROUTES.filter((r) => r.regex.test(path));
  if (!candidates.length) throw new ApiError(404, `No route for ${path}`, 'not_found');
  const route = candidates.find((r) => r.method === method);
  if (!route) {
    const allow = [...new Set(candidates.map((r) => r.method))].join(', ');
    throw new ApiError(
      405,
      `Method ${method} is not allowed here (allowed: ${allow})`,
      'method_not_allowed',
      undefined,
      { Allow: allow },
    );
  }
  const values = route.regex.exec(path)?.slice(1) ?? [];
  const params: Record<string, string> = {};
  route.names.forEach((name, i) => {
    try {
      params[name] = decodeURIComponent(values[i] ?? '');
    } catch {
      throw new ApiError(404, `No route for ${path}`, 'not_found');
    }
  });
  return { route, params };
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError)
      throw new ApiError(413, 'Request body too large', 'payload_too_large');
    throw err;
  }
  const text = raw.toString('utf8');
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON', 'invalid_json');
  }
  if (!isPlainObject(body))
    throw new ApiError(400, 'The request body must be a JSON object', 'invalid_body');
  return body;
}

function idempotencyKey(req: IncomingMessage): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = (Array.isArray(raw) ? raw[0] : raw).trim();
  if (!key || key.length > 255) {
    throw new ApiError(400, 'Idempotency-Key must be 1–255 characters', 'invalid_parameter', [
      { field: 'Idempotency-Key', message: 'must be 1–255 characters' },
    ]);
  }
  return key;
}

async function run(route: CompiledRoute, ctx: RequestContext): Promise<ApiResponse> {
  try {
    return await route.handler(ctx);
  } catch (err) {
    if (err instanceof ApiError) return err.toResponse();
    ctx.deps.onError(`${route.method} ${route.pattern}`, err);
    return { status: 500, body: { message: 'Internal server error', error: 'server_error' } };
  }
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ApiDeps,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.slice(API_PATH.length).replace(/\/+$/, '') || '/';
  let rateHeaders: Record<string, string> = {};
  let response: ApiResponse;
  try {
    const { route, params } = matchRoute(method, path);
    const token = await authenticate(deps.provider, req);
    rateHeaders = rateLimit(deps.limiter, token);
    checkAccess(token, route.access);
    const key = method === 'GET' ? undefined : idempotencyKey(req);
    const body = await jsonBody(req);
    const ctx: RequestContext = {
      deps,
      token,
      params,
      query: url.searchParams,
      body,
      now: Date.now(),
    };
    const execute = (): Promise<ApiResponse> => run(route, ctx);
    response = key
      ? await deps.idempotency.run(
          `${token.clientId}:${token.accountId ?? 'guest'}`,
          key,
          `${method} ${path} ${canonicalJson(body ?? null)}`,
          execute,
        )
      : await execute();
  } catch (err) {
    if (err instanceof ApiError) {
      response = err.toResponse();
    } else {
      deps.onError(`${method} ${API_PATH}`, err);
      response = { status: 500, body: { message: 'Internal server error', error: 'server_error' } };
    }
  }
  sendJson(res, response.status, response.body, { ...rateHeaders, ...response.headers });
}
