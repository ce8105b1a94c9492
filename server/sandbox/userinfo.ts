/**
 * GET /oauth/userinfo, implemented on top of the token lookup so that it works with tokens
 * without `openid` (plain OAuth, as in the guide). Requires profile_read; rate limited like the API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { authenticate, insufficientScope, invalidToken, rateLimit } from './api/auth.js';
import { ApiError } from './envelopes.js';
import { sendJson } from './http-utils.js';
import type { RateLimiter } from './rate-limit.js';
import type { SandboxState } from './state.js';

export interface UserinfoDeps {
  provider: Provider;
  state: SandboxState;
  limiter: RateLimiter;
}

export async function handleUserinfo(
  req: IncomingMessage,
  res: ServerResponse,
  deps: UserinfoDeps,
): Promise<void> {
  let rateHeaders: Record<string, string> = {};
  try {
    if (req.method !== 'GET' && req.method !== 'POST') {
      throw new ApiError(405, 'Method not allowed', 'method_not_allowed', undefined, {
        Allow: 'GET, POST',
      });
    }
    const token = await authenticate(deps.provider, req);
    rateHeaders = rateLimit(deps.limiter, token);
    if (!token.accountId)
      throw insufficientScope(
        'userinfo needs a patient token (authorization_code grant)',
        'profile_read',
      );
    if (!token.scopes.has('profile_read'))
      throw insufficientScope('userinfo requires the profile_read scope', 'profile_read');
    const patient = token.accountId ? deps.state.patientById(token.accountId) : undefined;
    if (!patient) throw invalidToken();
    sendJson(
      res,
      200,
      {
        sub: patient.id,
        given_name: patient.givenName,
        family_name: patient.familyName,
        name: `${patient.familyName}, ${patient.givenName}`,
        email: patient.email,
        address: patient.address,
        birthdate: patient.birthdate,
        phone_number: patient.mobile,
        gender: patient.genderClaim,
      },
      rateHeaders,
    );
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const response = err.toResponse();
    sendJson(res, response.status, response.body, { ...rateHeaders, ...response.headers });
  }
}
