import { PortalError, errorResponse, jsonResponse } from './errors.js';
import type { Route } from './route.js';
import type { TokenCache } from './token-cache.js';

/** What `POST /token` returns: exactly these three keys. */
export interface GuestTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds the token stays valid from now (the cached token's remaining lifetime). */
  expires_in: number;
}

/** `POST /token`: a cached client_credentials (scope `basic`) token for guest bookings. */
export function tokenRoute(cache: TokenCache, now: () => number): Route {
  return {
    methods: ['POST'],
    budget: 'token',
    maxBodyBytes: 1024, // the body is ignored, but nobody gets to stream megabytes at us
    async handle({ note }) {
      try {
        const { token, source } = await cache.get();
        note('cache', source);
        const body: GuestTokenResponse = {
          access_token: token.accessToken,
          token_type: token.tokenType,
          expires_in: Math.max(0, Math.floor((token.expiresAt - now()) / 1000)),
        };
        return jsonResponse(200, body);
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        note('portal', error.reason);
        return errorResponse(502, error.code, error.message);
      }
    },
  };
}
