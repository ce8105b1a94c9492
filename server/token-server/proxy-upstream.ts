/** The upstream half of the API proxy: one portal request with the server's guest token. */
import { PortalError, TOKEN_SERVER_ERRORS } from './errors.js';
import type { UpstreamAnswer } from './proxy-cache.js';
import type { TokenCache } from './token-cache.js';
import { callPortal, readPortalBody } from './upstream.js';

export interface ProxyUpstreamOptions {
  /** e.g. `https://portal.example/api/patient/v1` (no trailing slash). */
  apiUrl: string;
  tokens: TokenCache;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** What to send: the path below the API prefix with its query string, unchanged. */
export interface ProxyRequest {
  method: 'GET' | 'POST';
  pathAndQuery: string;
  /** POST only: the JSON body and the caller's `Idempotency-Key`. */
  body?: Uint8Array;
  idempotencyKey?: string;
}

/** Upstream headers that reach the browser; everything else stays behind. */
const PASSED_HEADERS = [
  'Content-Type',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/** API answers are pages of at most 100 small records; anything larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Sends `req` with the cached guest token. On 401 the token is dropped from the cache and the
 * request is sent once more with a new one (safe for POST too: a 401 means nothing was done).
 * Throws `PortalError` when no token can be had or the portal cannot be reached.
 */
export async function forwardToPortal(
  options: ProxyUpstreamOptions,
  req: ProxyRequest,
  note: (key: string, value: string) => void,
): Promise<UpstreamAnswer> {
  let { token } = await options.tokens.get();
  let response = await send(options, req, token.accessToken);
  if (response.status === 401) {
    await response.body?.cancel().catch(() => undefined);
    options.tokens.invalidate(token.accessToken);
    ({ token } = await options.tokens.get());
    note('retry', '401');
    response = await send(options, req, token.accessToken);
  }
  const body = await readPortalBody(response, MAX_BODY_BYTES);
  if (body === undefined) {
    const message = 'The patient portal sent an unreadable answer.';
    throw new PortalError(TOKEN_SERVER_ERRORS.portalUnavailable, message, 'malformed');
  }
  const headers: [string, string][] = [];
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  return { status: response.status, headers, body };
}

function send(options: ProxyUpstreamOptions, req: ProxyRequest, accessToken: string) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${accessToken}`,
    Accept: 'application/json',
  };
  if (req.method === 'POST') headers['Content-Type'] = 'application/json';
  if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
  const init: RequestInit = { method: req.method, headers };
  if (req.body !== undefined) init.body = new Uint8Array(req.body);
  return callPortal(options.fetch, `${options.apiUrl}${req.pathAndQuery}`, init, options.timeoutMs);
}
