/**
 * The upstream half of the API: one portal request, with the backend's guest token or with the
 * signed-in patient's own bearer token.
 */
import { PortalError, BACKEND_ERRORS } from './errors.js';
import type { UpstreamAnswer } from './api-cache.js';
import type { TokenCache } from './token-cache.js';
import { callPortal, readPortalBody } from './upstream.js';

export interface ApiUpstreamOptions {
  /** e.g. `https://portal.example/api/patient/v1` (no trailing slash). */
  apiUrl: string;
  tokens: TokenCache;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** What to send: the path below the API prefix with its query string. */
export interface ApiRequest {
  method: string;
  pathAndQuery: string;
  /** The JSON body (POST, PUT) and the caller's `Idempotency-Key`. */
  body?: Uint8Array;
  idempotencyKey?: string;
  /** The signed-in patient's `Authorization` header; absent: the backend's guest token. */
  patientAuthorization?: string;
  /** A full URL instead of `apiUrl + pathAndQuery` (the portal's userinfo). */
  url?: string;
}

/** Upstream headers that reach the browser; everything else stays behind. */
const PASSED_HEADERS = [
  'Content-Type',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'WWW-Authenticate',
  // The portal's word that a repeated Idempotency-Key got the first answer again.
  'Idempotent-Replayed',
];

/** API answers are pages of at most 100 small records; anything larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Sends `req`. With the guest token, a 401 drops it from the cache and the request is sent once
 * more with a new one (safe for POST too: a 401 means nothing was done); a patient's 401 goes back
 * to the browser, whose session refreshes its token. Throws `PortalError` when no guest token can
 * be had or the portal cannot be reached.
 */
export async function forwardToPortal(
  options: ApiUpstreamOptions,
  req: ApiRequest,
  note: (key: string, value: string) => void,
): Promise<UpstreamAnswer> {
  let response: Response;
  if (req.patientAuthorization !== undefined) {
    response = await send(options, req, req.patientAuthorization);
  } else {
    let { token } = await options.tokens.get();
    response = await send(options, req, `Bearer ${token.accessToken}`);
    if (response.status === 401) {
      await response.body?.cancel().catch(() => undefined);
      options.tokens.invalidate(token.accessToken);
      ({ token } = await options.tokens.get());
      note('retry', '401');
      response = await send(options, req, `Bearer ${token.accessToken}`);
      if (response.status === 401) {
        // A fresh token refused too: the portal's trouble, never the guest's. A 502 the widget
        // may retry, not a 401 it could do nothing about.
        await response.body?.cancel().catch(() => undefined);
        options.tokens.invalidate(token.accessToken);
        const message = 'The patient portal refused a fresh guest token.';
        throw new PortalError(BACKEND_ERRORS.portalUnavailable, message, 'http_401_again');
      }
    }
  }
  const body = await readPortalBody(response, MAX_BODY_BYTES);
  if (body === undefined) {
    const message = 'The patient portal sent an unreadable answer.';
    throw new PortalError(BACKEND_ERRORS.portalUnavailable, message, 'malformed');
  }
  const headers: [string, string][] = [];
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  return { status: response.status, headers, body };
}

function send(options: ApiUpstreamOptions, req: ApiRequest, authorization: string) {
  const headers: Record<string, string> = {
    Authorization: authorization,
    Accept: 'application/json',
  };
  if (req.body !== undefined && req.body.byteLength > 0)
    headers['Content-Type'] = 'application/json';
  if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
  const init: RequestInit = { method: req.method, headers };
  if (req.body !== undefined && req.body.byteLength > 0) init.body = new Uint8Array(req.body);
  const url = req.url ?? `${options.apiUrl}${req.pathAndQuery}`;
  return callPortal(options.fetch, url, init, options.timeoutMs);
}
