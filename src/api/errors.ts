import type { FieldError } from './types.js';

/** Machine-readable error codes the widget reacts to (also `booking-error` detail codes). */
export const ERROR_CODES = {
  network: 'network',
  timeout: 'timeout',
  rateLimited: 'rate_limited',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  availabilityTaken: 'availability_taken',
  validation: 'validation',
  notCancelable: 'not_cancelable',
  notReschedulable: 'not_reschedulable',
  asapNotEnabled: 'asap_not_enabled',
  badResponse: 'bad_response',
  server: 'server',
  config: 'config',
  backend: 'backend',
  popupBlocked: 'popup_blocked',
  popupClosed: 'popup_closed',
  loginDenied: 'login_denied',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Any failure talking to the backend (and through it, the portal). `message` is technical, never shown raw. */
export class ApiError extends Error {
  override name = 'ApiError';
  /**
   * The attribute or backend setting that is wrong, when a misconfiguration is the cause
   * (`booking-error`'s `setting`): see `misconfigured`.
   */
  setting?: string;
  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly status?: number,
    readonly fieldErrors: FieldError[] = [],
    readonly serverCode?: string,
  ) {
    super(message);
  }
}

/** 429 that outlasted the retry budget; `retryAfterMs` is the portal's last word. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    serverCode?: string,
  ) {
    super(message, ERROR_CODES.rateLimited, 429, [], serverCode);
  }
}

/** 401 that a refresh could not cure: the user must sign in again (or the guest token is gone). */
export class AuthError extends ApiError {
  override name = 'AuthError';
  /** `status` null: no HTTP status applies (e.g. the backend could not be reached). */
  constructor(
    message: string,
    code: ErrorCode = ERROR_CODES.unauthorized,
    status: number | null = 401,
  ) {
    super(message, code, status ?? undefined);
  }
}

/** Marks `error` as caused by the attribute or backend setting `setting`; returns it. */
export function misconfigured<E extends ApiError>(error: E, setting: string): E {
  error.setting = setting;
  return error;
}
