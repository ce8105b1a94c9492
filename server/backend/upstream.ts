/** Calls to the portal: timeouts, no redirects, bounded bodies, failures as `PortalError`. */
import { readLimited } from './body.js';
import { PortalError, BACKEND_ERRORS } from './errors.js';

const { portalUnavailable } = BACKEND_ERRORS;

/** HTTP Basic client authentication (RFC 6749 §2.3.1: id and secret form-encoded, then base64). */
export function basicAuth(clientId: string, clientSecret: string): string {
  const form = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  return `Basic ${btoa(`${form(clientId)}:${form(clientSecret)}`)}`;
}

export function timeoutError(): PortalError {
  return new PortalError(
    portalUnavailable,
    'The patient portal did not answer in time.',
    'timeout',
  );
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

/**
 * `fetch` with a timeout that also covers reading the body, and redirects refused (a redirect
 * would carry the client's credentials elsewhere). Network failure, timeout or a redirect →
 * `PortalError`. `redirect: 'manual'` rather than `'error'`: workerd refuses the latter.
 */
export async function callPortal(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (isTimeout(error)) throw timeoutError();
    throw new PortalError(portalUnavailable, 'The patient portal could not be reached.', 'network');
  }
  // A manual redirect: an `opaqueredirect` (status 0) in browsers' terms, a 3xx on servers.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => undefined);
    throw new PortalError(
      portalUnavailable,
      'The patient portal answered with a redirect.',
      'redirect',
    );
  }
  return response;
}

/**
 * The response body, at most `limit` bytes; `undefined` when larger or broken off. A timeout while
 * reading becomes the timeout `PortalError`.
 */
export async function readPortalBody(
  response: Response,
  limit: number,
): Promise<Uint8Array | undefined> {
  try {
    return (await readLimited(response.body, limit)) ?? undefined;
  } catch (error) {
    if (isTimeout(error)) throw timeoutError();
    return undefined;
  }
}

/** The body parsed as JSON; `undefined` when it is not JSON, too large or broken off. */
export async function readPortalJson(response: Response, limit: number): Promise<unknown> {
  const bytes = await readPortalBody(response, limit);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
