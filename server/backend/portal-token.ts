import { PortalError, BACKEND_ERRORS } from './errors.js';
import { basicAuth, callPortal, isRecord, readPortalJson } from './upstream.js';

/** A client_credentials token as the portal issued it. `expiresIn` is in seconds. */
export interface PortalToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface PortalTokenRequest {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** RFC 6749 §5.2 codes: the only upstream text that may reach a response (as a code, never a description). */
const OAUTH_ERROR_CODES: ReadonlySet<string> = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'server_error',
  'temporarily_unavailable',
]);

const { portalUnavailable, portalRejected } = BACKEND_ERRORS;

/** Token responses are tiny; a larger body is not a token response. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * POSTs `grant_type=client_credentials&scope=basic` to the token endpoint with HTTP Basic client
 * authentication (RFC 6749 §2.3.1: id and secret form-encoded, then base64). Throws `PortalError`.
 */
export async function requestClientCredentialsToken(req: PortalTokenRequest): Promise<PortalToken> {
  const response = await callPortal(
    req.fetch,
    req.tokenUrl,
    {
      method: 'POST',
      headers: {
        Authorization: basicAuth(req.clientId, req.clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'basic' }).toString(),
    },
    req.timeoutMs,
  );
  const body = await readPortalJson(response, MAX_BODY_BYTES);
  if (!response.ok) throw httpError(response.status, body);
  const token = parseToken(body);
  if (!token) {
    throw new PortalError(
      portalUnavailable,
      'The patient portal sent an unreadable token response.',
      'malformed',
    );
  }
  return token;
}

function httpError(status: number, body: unknown): PortalError {
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : '';
  const known = OAUTH_ERROR_CODES.has(code) ? ` (${code})` : '';
  // 4xx other than 408/429 means the portal refused this client: configuration, not weather.
  const rejected = status >= 400 && status < 500 && status !== 408 && status !== 429;
  return rejected
    ? new PortalError(
        portalRejected,
        `The patient portal refused the token request${known}.`,
        `http_${status}`,
      )
    : new PortalError(
        portalUnavailable,
        `The patient portal answered with HTTP ${status}${known}.`,
        `http_${status}`,
      );
}

function parseToken(body: unknown): PortalToken | undefined {
  if (!isRecord(body)) return undefined;
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = body;
  if (typeof accessToken !== 'string' || accessToken === '') return undefined;
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') return undefined;
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return { accessToken, tokenType: 'Bearer', expiresIn: seconds };
}
