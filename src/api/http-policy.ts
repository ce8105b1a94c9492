/**
 * The HTTP client's policy as a pure function: given the outcome of one attempt, return, fail,
 * refresh the token, or wait and retry. `http.ts` only carries the decisions out.
 */
import { ApiError, AuthError, RateLimitError } from './errors.js';
import { decodeSuccess, errorFromResponse, readEnvelope } from './http-response.js';
import { MAX_RATE_LIMIT_WAIT_MS, backoffDelay, parseRetryAfter } from './retry.js';
import type { BackoffOptions } from './retry.js';

export type Outcome =
  { status: number; headers: Headers; text: string } | { failure: 'network' | 'timeout' };

export type Decision<T> =
  | { kind: 'done'; value: T }
  | { kind: 'fail'; error: ApiError }
  | { kind: 'refresh' }
  | { kind: 'wait'; reason: 'rate_limited' | 'retry'; ms: number };

export interface PolicyContext<T> {
  /** `METHOD /path` for messages. */
  what: string;
  /** Idempotent, or a POST with an idempotency key. */
  retryable: boolean;
  retries: number;
  maxRetries: number;
  refreshed: boolean;
  backoff: BackoffOptions;
  random: () => number;
  now: () => number;
  decode: (json: unknown) => T;
}

export function decide<T>(outcome: Outcome, ctx: PolicyContext<T>): Decision<T> {
  const canRetry = ctx.retryable && ctx.retries < ctx.maxRetries;
  const backoffMs = () => backoffDelay(ctx.retries, ctx.backoff, ctx.random);

  if ('failure' in outcome) {
    if (canRetry) return { kind: 'wait', reason: 'retry', ms: backoffMs() };
    return {
      kind: 'fail',
      error: new ApiError(`${ctx.what}: ${outcome.failure}`, outcome.failure),
    };
  }
  const { status, text } = outcome;
  if (status >= 200 && status < 300) {
    try {
      return { kind: 'done', value: decodeSuccess(status, text, ctx.decode, ctx.what) };
    } catch (error) {
      return { kind: 'fail', error: error as ApiError };
    }
  }
  if (status === 401) {
    if (!ctx.refreshed) return { kind: 'refresh' };
    return { kind: 'fail', error: new AuthError(`${ctx.what}: 401 after token refresh`) };
  }
  if (status === 429) {
    const retryAfter = parseRetryAfter(outcome.headers.get('Retry-After'), ctx.now());
    // A Retry-After beyond the cap ends the retries: waiting less would retry too early.
    if (!canRetry || (retryAfter ?? 0) > MAX_RATE_LIMIT_WAIT_MS) {
      const { error: serverCode } = readEnvelope(outcome.text);
      const error = new RateLimitError(
        `${ctx.what}: 429`,
        retryAfter ?? ctx.backoff.maxMs,
        serverCode,
      );
      return { kind: 'fail', error };
    }
    // Never before Retry-After; the jitter spreads the clients that share one budget.
    const ms = Math.min(MAX_RATE_LIMIT_WAIT_MS, (retryAfter ?? 0) + backoffMs());
    return { kind: 'wait', reason: 'rate_limited', ms };
  }
  // The portal refused the backend's own credentials: a set-up problem that no retry cures.
  const refusedBackend = status === 502 && readEnvelope(text).error === 'portal_rejected';
  if (status >= 500 && canRetry && !refusedBackend) {
    // A 503 may say when to come back (RFC 9110 §10.2.3): not before then, and not at all when
    // that is beyond the cap.
    const retryAfter = parseRetryAfter(outcome.headers.get('Retry-After'), ctx.now());
    if ((retryAfter ?? 0) <= MAX_RATE_LIMIT_WAIT_MS) {
      return { kind: 'wait', reason: 'retry', ms: (retryAfter ?? 0) + backoffMs() };
    }
  }
  return { kind: 'fail', error: errorFromResponse(status, text, ctx.what) };
}

/** A failing `getToken`: a failed forced refresh means "authenticate again". */
export function tokenError(error: unknown, forceRefresh: boolean): ApiError {
  const cause = error instanceof Error ? error.message : String(error);
  if (forceRefresh) {
    return new AuthError(`token refresh failed: ${cause}`);
  }
  return error instanceof ApiError ? error : new AuthError(`no access token: ${cause}`);
}
