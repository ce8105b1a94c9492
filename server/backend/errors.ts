import type { Reply } from './exchange.js';
import type { RateDecision } from './rate-limit.js';

/** Error codes of the backend's JSON envelope `{"error": code, "message": text}`. */
export const BACKEND_ERRORS = {
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  originNotAllowed: 'origin_not_allowed',
  originRequired: 'origin_required',
  invalidParameter: 'invalid_parameter',
  unsupportedMediaType: 'unsupported_media_type',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  proofRequired: 'proof_required',
  proofInvalid: 'proof_invalid',
  bookingLimited: 'booking_limited',
  bookingUnavailable: 'booking_unavailable',
  portalUnavailable: 'portal_unavailable',
  portalRejected: 'portal_rejected',
  notConfigured: 'not_configured',
  internal: 'internal_error',
} as const;
export type BackendErrorCode = (typeof BACKEND_ERRORS)[keyof typeof BACKEND_ERRORS];

/** The envelope every error response carries. */
export interface ErrorEnvelope {
  error: BackendErrorCode;
  message: string;
}

/** Headers on every response this server writes: nothing is cacheable, nothing is sniffed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/** The base headers plus `Content-Type: application/json` (frozen: a constant, see `Reply`). */
export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...BASE_HEADERS,
  'Content-Type': 'application/json',
});

/** A JSON reply with the base headers (they win over `headers`). */
export function jsonReply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { ...headers, ...JSON_HEADERS }, body: JSON.stringify(body) };
}

/** An error envelope reply. `message` is plain English and must never carry secrets or upstream bodies. */
export function errorReply(
  status: number,
  error: BackendErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  const envelope: ErrorEnvelope = { error, message };
  return jsonReply(status, envelope, headers);
}

/**
 * A failed token request to the portal. `code` decides the envelope; `reason` is a short,
 * secret-free word for the log line (`timeout`, `network`, `http_401`, `malformed`).
 */
export class PortalError extends Error {
  override name = 'PortalError';
  constructor(
    readonly code: typeof BACKEND_ERRORS.portalUnavailable | typeof BACKEND_ERRORS.portalRejected,
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** The 429 of a spent per-client budget, with when to come back and the budget's size. */
export function rateLimitedReply(decision: Extract<RateDecision, { allowed: false }>): Reply {
  const seconds = String(decision.retryAfterSeconds);
  return errorReply(429, BACKEND_ERRORS.rateLimited, 'Too many requests; retry after a pause.', {
    'Retry-After': seconds,
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': '0',
    'RateLimit-Reset': seconds,
  });
}
