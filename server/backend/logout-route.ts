/**
 * `POST /oauth/logout`: the widget's "Sign out". Removes the session cookie and revokes its
 * refresh token at the portal (RFC 7009; revoking it ends the patient's grant there), best effort:
 * the answer is 204 whatever the portal says.
 */
import { BASE_HEADERS } from './errors.js';
import type { PortalLoginOptions } from './portal-login.js';
import { revokeRefreshToken } from './portal-login.js';
import type { Route } from './route.js';
import type { SessionSealer } from './session-cookie.js';
import { CLEAR_SESSION_COOKIE } from './session-cookie.js';

export interface LogoutRouteOptions extends PortalLoginOptions {
  sessions: SessionSealer;
}

export function logoutRoute(options: LogoutRouteOptions): Route {
  const headers = Object.freeze({ ...BASE_HEADERS, 'Set-Cookie': CLEAR_SESSION_COOKIE });
  return {
    methods: ['POST'],
    maxBodyBytes: 1024, // nothing is read from the body
    budget: 'login',
    async handle({ request, note }) {
      // Revoked even when the sign-in is older than a session may last: the portal may not know.
      const session = await options.sessions.read(request.headers.get('Cookie'));
      note('revoke', session ? await revokeRefreshToken(options, session.refreshToken) : 'none');
      return { status: 204, headers, body: null };
    },
  };
}
