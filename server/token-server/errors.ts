/** Error codes of the token server's JSON envelope `{"error": code, "message": text}`. */
export const TOKEN_SERVER_ERRORS = {
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  originNotAllowed: 'origin_not_allowed',
  originRequired: 'origin_required',
  headerRequired: 'header_required',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  portalUnavailable: 'portal_unavailable',
  portalRejected: 'portal_rejected',
  internal: 'internal_error',
} as const;
export type TokenServerErrorCode = (typeof TOKEN_SERVER_ERRORS)[keyof typeof TOKEN_SERVER_ERRORS];

/** The envelope every error response carries. */
export interface ErrorEnvelope {
  error: TokenServerErrorCode;
  message: string;
}

/** Headers on every response this server writes: nothing is cacheable, nothing is sniffed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** A JSON response with the base headers. */
export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  for (const [name, value] of Object.entries(BASE_HEADERS)) all.set(name, value);
  all.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: all });
}

/** An error envelope response. `message` is plain English and must never carry secrets or upstream bodies. */
export function errorResponse(
  status: number,
  error: TokenServerErrorCode,
  message: string,
  headers: HeadersInit = {},
): Response {
  const envelope: ErrorEnvelope = { error, message };
  return jsonResponse(status, envelope, headers);
}

/**
 * A failed token request to the portal. `code` decides the envelope; `reason` is a short,
 * secret-free word for the log line (`timeout`, `network`, `http_401`, `malformed`).
 */
export class PortalError extends Error {
  override name = 'PortalError';
  constructor(
    readonly code:
      typeof TOKEN_SERVER_ERRORS.portalUnavailable | typeof TOKEN_SERVER_ERRORS.portalRejected,
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
