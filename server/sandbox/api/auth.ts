/** Authentication, rate limiting and scope checks shared by the API and userinfo. */
import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { ApiError } from '../envelopes.js';
import type { RateLimiter } from '../rate-limit.js';
import { bearerToken, findToken, type TokenInfo } from '../tokens.js';

export const invalidToken = (): ApiError =>
  new ApiError(
    401,
    'The access token is missing, malformed, expired or revoked',
    'invalid_token',
    undefined,
    {
      'WWW-Authenticate':
        'Bearer error="invalid_token", error_description="The access token is missing, malformed, expired or revoked"',
    },
  );

export const insufficientScope = (message: string, scope: string): ApiError =>
  new ApiError(403, message, 'insufficient_scope', undefined, {
    'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
  });

export async function authenticate(provider: Provider, req: IncomingMessage): Promise<TokenInfo> {
  const token = await findToken(provider, bearerToken(req.headers.authorization));
  if (!token) throw invalidToken();
  return token;
}

/** Counts the request against the client's window; throws 429 when over. Returns the RateLimit headers. */
export function rateLimit(limiter: RateLimiter, token: TokenInfo): Record<string, string> {
  const decision = limiter.hit(token.clientId);
  if (!decision.allowed) {
    throw new ApiError(
      429,
      'Rate limit exceeded for this client; retry after the time in Retry-After',
      'rate_limited',
      undefined,
      decision.headers,
    );
  }
  return decision.headers;
}

/** What a route needs from the token. */
export type Access =
  | { kind: 'basic' }
  | { kind: 'user'; scope: 'appointment_read' | 'appointment_write' | 'profile_read' }
  | { kind: 'booking' };

/** 403 unless the token may use the route; guest tokens on patient routes fail before any lookup. */
export function checkAccess(token: TokenInfo, access: Access): void {
  if (!token.scopes.has('basic'))
    throw insufficientScope('This endpoint requires the basic scope', 'basic');
  if (access.kind === 'basic') return;
  if (access.kind === 'booking') {
    if (token.accountId && !token.scopes.has('appointment_write')) {
      throw insufficientScope(
        'Booking on behalf of a patient requires the appointment_write scope',
        'basic appointment_write',
      );
    }
    return;
  }
  if (!token.accountId) {
    throw insufficientScope(
      'This endpoint needs a patient token (authorization_code grant); a client_credentials token cannot use it',
      `basic ${access.scope}`,
    );
  }
  if (!token.scopes.has(access.scope)) {
    throw insufficientScope(
      `This endpoint requires the ${access.scope} scope`,
      `basic ${access.scope}`,
    );
  }
}
