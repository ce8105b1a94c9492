/** Public types of the HTTP client (`http.ts`). */
import type { Query } from './http-response.js';
import type { BackoffOptions } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
/**
 * The signed-in patient's access token for the next request, or `null` for a guest's request
 * (no `Authorization`: the backend adds its own token). `forceRefresh`: the portal refused
 * `refused` (a 401), so a cached token must not be returned again.
 */
export type GetToken = (options: {
  forceRefresh: boolean;
  refused?: string;
}) => Promise<string | null>;
export type WaitInfo = { reason: 'rate_limited' | 'retry'; ms: number };

export interface HttpClientOptions {
  /** API root, e.g. `https://clinic.example/pb/api/patient/v1`. */
  baseUrl: string;
  /** Absent: every request is a guest's. */
  getToken?: GetToken;
  fetch?: typeof fetch;
  /** Per attempt (headers and body), default 15 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, default 4. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before every wait, so the UI can say that it is waiting. */
  onWait?: (info: WaitInfo) => void;
  now?: () => number;
}

export interface HttpRequestInit<T> {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  signal: AbortSignal;
  /** Makes a POST retryable; the same key is sent on every attempt. */
  idempotencyKey?: string;
  /** More request headers (e.g. a booking's `X-Booking-Proof`). */
  headers?: Record<string, string>;
  /** JSON → view model; throws `ApiError('bad_response')` when the shape is missing. */
  decode: (json: unknown) => T;
  /** `path` is a full URL (e.g. userinfo on the portal origin), not relative to `baseUrl`. */
  absoluteUrl?: boolean;
}

export interface HttpClient {
  readonly baseUrl: string;
  request<T>(method: HttpMethod, path: string, init: HttpRequestInit<T>): Promise<T>;
}
