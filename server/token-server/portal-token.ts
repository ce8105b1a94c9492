import { readLimited } from './body.js';
import { PortalError, TOKEN_SERVER_ERRORS } from './errors.js';

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

const { portalUnavailable, portalRejected } = TOKEN_SERVER_ERRORS;

/**
 * POSTs `grant_type=client_credentials&scope=basic` to the token endpoint with HTTP Basic client
 * authentication (RFC 6749 §2.3.1: id and secret form-encoded, then base64). Throws `PortalError`.
 */
export async function requestClientCredentialsToken(req: PortalTokenRequest): Promise<PortalToken> {
  let response: Response;
  try {
    response = await req.fetch(req.tokenUrl, {
      method: 'POST',
      headers: {
        Authorization: basicAuth(req.clientId, req.clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'basic' }).toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw timedOut
      ? timeout()
      : new PortalError(portalUnavailable, 'The patient portal could not be reached.', 'network');
  }
  const body = await readJson(response);
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

function basicAuth(clientId: string, clientSecret: string): string {
  const form = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  return `Basic ${btoa(`${form(clientId)}:${form(clientSecret)}`)}`;
}

/** Token responses are tiny; a larger body is not a token response. */
const MAX_BODY_BYTES = 64 * 1024;

/** The parsed body, or `undefined` when it is not JSON or too large. Rethrows a timeout mid-body. */
async function readJson(response: Response): Promise<unknown> {
  let bytes: Uint8Array | null;
  try {
    bytes = await readLimited(response.body, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw timeout();
    return undefined;
  }
  if (bytes === null) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function timeout(): PortalError {
  return new PortalError(
    portalUnavailable,
    'The patient portal did not answer in time.',
    'timeout',
  );
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
