import { PREFLIGHT } from './cors.js';
import { JSON_HEADERS, PortalError, errorReply } from './errors.js';
import type { Reply } from './exchange.js';
import type { Route, RouteContext } from './route.js';
import type { CachedToken, TokenCache } from './token-cache.js';

/** What `POST /token` returns: exactly these three keys. */
export interface GuestTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds the token stays valid from now (the cached token's remaining lifetime). */
  expires_in: number;
}

/**
 * Sent by the widget with the token the portal just refused (401): the portal may end a token
 * early (revoked, or its clock rounds lifetimes), and a cache that kept handing it out would lock
 * guests out until it expired here. Only the cached token itself can be dropped this way, and
 * only once it is REFUSED_MIN_AGE_MS old: however many browsers claim a refusal, they cause at most
 * one upstream request per second (a real revocation waits that second at most).
 */
export const REFUSED_TOKEN_HEADER = 'X-Refused-Token';
export const REFUSED_MIN_AGE_MS = 1_000;

/** `POST /token`: a cached client_credentials (scope `basic`) token for guest bookings. */
export function tokenRoute(cache: TokenCache, now: () => number): Route {
  const body = tokenBody();
  const answer = (token: CachedToken): Reply => {
    const expiresIn = Math.max(0, Math.floor((token.expiresAt - now()) / 1000));
    return { status: 200, headers: JSON_HEADERS, body: body(token, expiresIn) };
  };
  async function fetched(note: RouteContext['note']): Promise<Reply> {
    try {
      const { token, source } = await cache.get();
      note('cache', source);
      return answer(token);
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
      note('portal', error.reason);
      return errorReply(502, error.code, error.message);
    }
  }
  return {
    methods: ['POST'],
    budget: 'token',
    maxBodyBytes: 1024, // the body is ignored, but nobody gets to stream megabytes at us
    allowHeaders: `${PREFLIGHT.headers}, ${REFUSED_TOKEN_HEADER}`,
    handle({ request, note }) {
      const refused = request.headers.get(REFUSED_TOKEN_HEADER);
      if (refused) cache.invalidate(refused, REFUSED_MIN_AGE_MS);
      const cached = cache.peek(); // the common case: answered at once, without a promise
      if (!cached) return fetched(note);
      note('cache', 'hit');
      return answer(cached);
    },
  };
}

/**
 * The serialized answer for a token and `expires_in`, kept until either changes: under load, one
 * `JSON.stringify` per second instead of one per request.
 */
function tokenBody(): (token: CachedToken, expiresIn: number) => string {
  let last: { token: CachedToken; expiresIn: number; text: string } | undefined;
  return (token, expiresIn) => {
    if (last?.token !== token || last.expiresIn !== expiresIn) {
      const answer: GuestTokenResponse = {
        access_token: token.accessToken,
        token_type: token.tokenType,
        expires_in: expiresIn,
      };
      last = { token, expiresIn, text: JSON.stringify(answer) };
    }
    return last.text;
  };
}
