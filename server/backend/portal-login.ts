/**
 * The upstream half of the login exchange: the portal's token endpoint (code and refresh grants)
 * and its revocation endpoint (RFC 7009), both with HTTP Basic client authentication.
 */
import { PortalError, BACKEND_ERRORS } from './errors.js';
import { basicAuth, callPortal, isRecord, readPortalBody } from './upstream.js';

export interface PortalLoginOptions {
  tokenUrl: string;
  /** The portal's token revocation endpoint. */
  revocationUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** The portal's answer to a token request: its status and JSON object. */
export interface PortalTokenAnswer {
  status: number;
  json: Record<string, unknown>;
  retryAfter: string | null;
}

/** Token responses are tiny; a larger body is not a token response. */
const MAX_BODY_BYTES = 64 * 1024;

const unusable = (message: string, reason: string) =>
  new PortalError(BACKEND_ERRORS.portalUnavailable, message, reason);

function clientHeaders(options: PortalLoginOptions): Record<string, string> {
  return {
    Authorization: basicAuth(options.clientId, options.clientSecret),
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
}

/**
 * POSTs `form` to the portal's token endpoint and returns its JSON answer, whatever the status.
 * Throws `PortalError` when the portal cannot be reached, times out, or answers with something
 * other than a JSON object (e.g. a gateway's HTML error page) or echoes the client's credentials.
 */
export async function requestPortalToken(
  options: PortalLoginOptions,
  form: URLSearchParams,
): Promise<PortalTokenAnswer> {
  const headers = clientHeaders(options);
  const init = { method: 'POST', headers, body: form.toString() };
  const response = await callPortal(options.fetch, options.tokenUrl, init, options.timeoutMs);
  const text = jsonObjectText(await readPortalBody(response, MAX_BODY_BYTES));
  if (text === undefined) {
    throw unusable('The patient portal sent an unreadable token response.', 'malformed');
  }
  // Belt and braces: a portal that echoes our credentials must not hand them to the browser.
  const { clientSecret } = options;
  if (text.includes(clientSecret) || text.includes(headers.Authorization!.slice(6))) {
    throw unusable('The patient portal sent an unusable token response.', 'echo');
  }
  const json = JSON.parse(text) as Record<string, unknown>;
  return { status: response.status, json, retryAfter: response.headers.get('Retry-After') };
}

/**
 * Revokes a refresh token at the portal (RFC 7009). Best effort: resolves with a short word for
 * the log (`ok`, `http_400`, or the `PortalError` reason), never throws.
 */
export async function revokeRefreshToken(
  options: PortalLoginOptions,
  token: string,
): Promise<string> {
  const body = new URLSearchParams({ token, token_type_hint: 'refresh_token' }).toString();
  const init = { method: 'POST', headers: clientHeaders(options), body };
  try {
    const response = await callPortal(
      options.fetch,
      options.revocationUrl,
      init,
      options.timeoutMs,
    );
    await response.body?.cancel().catch(() => undefined);
    return response.ok ? 'ok' : `http_${response.status}`;
  } catch (error) {
    return error instanceof PortalError ? error.reason : 'error';
  }
}

/** The body as text when it is UTF-8 JSON whose top level is an object, else `undefined`. */
function jsonObjectText(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return isRecord(JSON.parse(text)) ? text : undefined;
  } catch {
    return undefined;
  }
}
