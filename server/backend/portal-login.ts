/** The upstream half of `POST /oauth/token`: add client authentication, relay the portal's answer. */
import { BASE_HEADERS, PortalError, BACKEND_ERRORS } from './errors.js';
import type { Reply } from './exchange.js';
import { basicAuth, callPortal, isRecord, readPortalBody } from './upstream.js';

export interface PortalLoginOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** Token responses are tiny; a larger body is not a token response. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * POSTs `form` to the portal's token endpoint with HTTP Basic client authentication and returns the
 * portal's JSON answer verbatim: its status and body, `refresh_token` included, since that is what
 * the browser's OIDC library expects. Throws `PortalError` when the portal cannot be reached, times
 * out, or answers with something other than a JSON object (e.g. a gateway's HTML error page).
 */
export async function relayTokenRequest(
  options: PortalLoginOptions,
  form: URLSearchParams,
): Promise<Reply> {
  const { clientId, clientSecret } = options;
  const authorization = basicAuth(clientId, clientSecret);
  const response = await callPortal(
    options.fetch,
    options.tokenUrl,
    {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: form.toString(),
    },
    options.timeoutMs,
  );
  const text = jsonObjectText(await readPortalBody(response, MAX_BODY_BYTES));
  if (text === undefined) {
    throw new PortalError(
      BACKEND_ERRORS.portalUnavailable,
      'The patient portal sent an unreadable token response.',
      'malformed',
    );
  }
  // Belt and braces: a portal that echoes our credentials must not hand them to the browser.
  if (text.includes(clientSecret) || text.includes(authorization.slice(6))) {
    throw new PortalError(
      BACKEND_ERRORS.portalUnavailable,
      'The patient portal sent an unusable token response.',
      'echo',
    );
  }
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Type': 'application/json',
    Pragma: 'no-cache',
  };
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  return { status: response.status, headers, body: text };
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
