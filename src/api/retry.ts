/**
 * Timing helpers of the HTTP client: exponential backoff with full jitter, `Retry-After`,
 * abortable sleep, and recognising aborts. Pure apart from `setTimeout`.
 */

export interface BackoffOptions {
  /** Upper bound of the first wait; doubles per attempt. */
  baseMs: number;
  /** Upper bound of any backoff wait. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 8_000 };

/** Longest single wait for a 429; a longer `Retry-After` ends the retries instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** Full jitter (AWS): uniform in [0, min(maxMs, baseMs · 2^attempt)). */
export function backoffDelay(
  attempt: number,
  backoff: BackoffOptions,
  random: () => number,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * `undefined` when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only dates with letters: Date.parse('12') would happily read a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What an aborted signal rejects with: its reason, or an `AbortError` when it has none. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * True for the rejection of an aborted request: an `AbortError` (what `controller.abort()`
 * gives), or a `TimeoutError` from a caller's own `AbortSignal.timeout()`. The client's
 * per-attempt timeout is an `ApiError` with code `timeout` instead, so it is not matched here.
 */
export function isAbortError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/** Resolves after `ms`; rejects at once with the abort reason when `signal` aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `promise`, but rejected as soon as `signal` aborts (for work that takes no signal). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
