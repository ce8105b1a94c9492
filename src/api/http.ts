/**
 * The one place in the browser code that calls `fetch`: bearer token, per-attempt timeout,
 * retries with backoff, 429 `Retry-After`, one token refresh on 401, typed errors.
 */
import { ApiError } from './errors.js';
import { decide, tokenError } from './http-policy.js';
import type { Outcome } from './http-policy.js';
import { buildUrl, parseJson } from './http-response.js';
import type {
  GetToken,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpRequestInit,
} from './http-types.js';
import { DEFAULT_BACKOFF, abortReason, defaultSleep, raceAbort } from './retry.js';

export { isAbortError } from './retry.js';
export type { BackoffOptions } from './retry.js';
export type { Query } from './http-response.js';
export type {
  GetToken,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpRequestInit,
  WaitInfo,
} from './http-types.js';

const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** One fetch with its own timeout; rejects only with the caller's abort reason. */
async function attempt(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  caller: AbortSignal,
  timeoutMs: number,
): Promise<Outcome> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(abortReason(caller));
  caller.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Attempt timed out.', 'TimeoutError'));
  }, timeoutMs);
  try {
    const response = await doFetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch {
    if (caller.aborted) throw abortReason(caller);
    // fetch rejects with a TypeError for network, CORS and broken body streams alike.
    return { failure: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    caller.removeEventListener('abort', onAbort);
  }
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? defaultFetch;
  const sleep = options.sleep ?? defaultSleep;
  const policy = {
    maxRetries: options.maxRetries ?? 4,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };

  const getToken: GetToken = options.getToken ?? (() => Promise.resolve(null));

  async function token(signal: AbortSignal): Promise<string | null> {
    try {
      return await raceAbort(getToken({ forceRefresh: false }), signal);
    } catch (error) {
      throw signal.aborted ? abortReason(signal) : tokenError(error, false);
    }
  }

  // One forced refresh at a time for all requests of this client. `generation` counts finished
  // refreshes: a 401 for a token obtained before the last refresh finished is a late answer to
  // the old token, so that request just asks for the current one (N parallel 401s cause one
  // refresh, not N). Requests that join a running refresh use its token.
  let generation = 0;
  let refreshing: Promise<string | null> | null = null;

  /** The refreshed token, or null when a refresh finished since `seen` (use the current one). */
  async function refreshAfter(
    seen: number,
    refused: string,
    signal: AbortSignal,
  ): Promise<string | null> {
    if (seen !== generation && !refreshing) return null;
    refreshing ??= getToken({ forceRefresh: true, refused }).then(
      (fresh) => {
        generation += 1;
        refreshing = null;
        return fresh;
      },
      (error: unknown) => {
        refreshing = null;
        throw error;
      },
    );
    try {
      return await raceAbort(refreshing, signal);
    } catch (error) {
      throw signal.aborted ? abortReason(signal) : tokenError(error, true);
    }
  }

  async function request<T>(
    method: HttpMethod,
    path: string,
    init: HttpRequestInit<T>,
  ): Promise<T> {
    const { signal, decode } = init;
    const url = buildUrl(options.baseUrl, path, init.query, init.absoluteUrl);
    const what = `${method} ${init.absoluteUrl ? new URL(path, 'http://localhost').pathname : path}`;
    // A POST may act twice when retried, unless the portal can recognise the repeat by its key.
    const retryable = method !== 'POST' || init.idempotencyKey !== undefined;
    const headers: Record<string, string> = { ...init.headers, Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.idempotencyKey !== undefined) headers['Idempotency-Key'] = init.idempotencyKey;
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    let retries = 0;
    let refreshed = false;
    let refreshedToken: string | null = null;

    for (;;) {
      if (signal.aborted) throw abortReason(signal);
      const bearer = refreshedToken ?? (await token(signal));
      const seenGeneration = generation;
      refreshedToken = null;
      // A guest's request (no token) is the same for everyone: the browser may match it with a
      // `<link rel=preload>` and keep what the backend marks cacheable. A patient's is neither.
      const fetchInit: RequestInit =
        bearer === null
          ? { method, headers, body }
          : {
              method,
              headers: { ...headers, Authorization: `Bearer ${bearer}` },
              body,
              credentials: 'omit', // bearer tokens only; no cookies
              cache: 'no-store', // patient data must not land in the HTTP cache
            };
      const outcome = await attempt(doFetch, url, fetchInit, signal, options.timeoutMs ?? 15_000);
      // Without a token there is nothing to refresh: a 401 is final.
      const ctx = {
        ...policy,
        what,
        retryable,
        retries,
        refreshed: refreshed || bearer === null,
        decode,
      };
      const decision = decide(outcome, ctx);
      switch (decision.kind) {
        case 'done':
          return decision.value;
        case 'fail':
          throw decision.error;
        case 'refresh':
          refreshed = true;
          refreshedToken = await refreshAfter(seenGeneration, bearer ?? '', signal);
          break;
        case 'wait':
          options.onWait?.({ reason: decision.reason, ms: decision.ms });
          await raceAbort(sleep(decision.ms, signal), signal);
          retries += 1;
      }
    }
  }

  return { baseUrl: options.baseUrl, request };
}

/** A plain answer of a service that is not the portal API: status and parsed JSON (or undefined). */
export interface PlainResponse {
  status: number;
  json: unknown;
}

/** What `fetchOnce` sends besides the method: all optional. */
export interface OnceInit {
  method: HttpMethod;
  headers?: Record<string, string>;
  /** A form or JSON body, already serialised (say its `Content-Type` in `headers`). */
  body?: string;
  /**
   * Default `same-origin`: cookies go to the page's own origin only. The login's refresh and
   * sign-out need the backend's `HttpOnly` session cookie, which the page itself cannot read.
   */
  credentials?: RequestCredentials;
  /** Sent even while the page unloads (a sign-out as the widget goes away). */
  keepalive?: boolean;
  signal?: AbortSignal;
}

/**
 * One request without retries, for the backend's own routes (its configuration, the login's
 * refresh and sign-out), where none of the portal's rules apply. Lives here to keep every `fetch`
 * call in one file. Nothing of it is cached by the browser when it has a body. Fails with
 * `ApiError('network' | 'timeout')`, or the abort reason of `signal`.
 */
export async function fetchOnce(
  url: string,
  init: OnceInit,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<PlainResponse> {
  const doFetch = options.fetch ?? defaultFetch;
  const signal = init.signal ?? new AbortController().signal;
  const requestInit: RequestInit = { method: init.method, headers: init.headers };
  if (init.body !== undefined) Object.assign(requestInit, { body: init.body, cache: 'no-store' });
  if (init.credentials !== undefined) requestInit.credentials = init.credentials;
  if (init.keepalive) requestInit.keepalive = true;
  const result = await attempt(doFetch, url, requestInit, signal, options.timeoutMs ?? 15_000);
  if ('failure' in result)
    throw new ApiError(`${init.method} ${url}: ${result.failure}`, result.failure);
  const parsed = parseJson(result.text);
  return { status: result.status, json: parsed.ok ? parsed.value : undefined };
}
