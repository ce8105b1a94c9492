/**
 * `POST /oauth/token`: the confidential-client token exchange for the patient login. The widget
 * sends an ordinary token request here instead of to the portal; this route checks it, adds the
 * client secret and answers with the access token only. The portal's refresh token stays with the
 * backend, sealed into an `HttpOnly` cookie (`session-cookie.ts`); a refresh needs that cookie and
 * ignores any `refresh_token` in the body.
 */
import { PortalError, errorReply, jsonReply } from './errors.js';
import type { Reply } from './exchange.js';
import type { PortalLoginOptions, PortalTokenAnswer } from './portal-login.js';
import { requestPortalToken } from './portal-login.js';
import type { Route } from './route.js';
import type { SessionPayload, SessionSealer } from './session-cookie.js';
import { CLEAR_SESSION_COOKIE, SESSION_COOKIE, cookieValues, isCurrent } from './session-cookie.js';

export interface LoginRouteOptions extends PortalLoginOptions {
  /** Exact redirect URIs an `authorization_code` (or any `redirect_uri`) must use. */
  redirectUris: readonly string[];
  sessions: SessionSealer;
  now: () => number;
}

/** Per grant: the parameters that must be present, and those forwarded to the portal. */
const GRANTS = {
  authorization_code: {
    required: ['code', 'redirect_uri', 'code_verifier'],
    forwarded: ['code', 'redirect_uri', 'code_verifier'],
  },
  // The refresh token itself comes from the session cookie, never from the body.
  refresh_token: { required: [], forwarded: ['scope'] },
} as const;
type LoginGrant = keyof typeof GRANTS;

const isLoginGrant = (grant: string): grant is LoginGrant => Object.hasOwn(GRANTS, grant);

/** What the page gets of a token response: the access token, nothing to keep. */
const PASSED_ON_SUCCESS = ['access_token', 'token_type', 'expires_in', 'scope'];
const PASSED_ON_ERROR = ['error', 'error_description', 'error_uri'];

/** An RFC 6749 §5.2 error response. */
function oauthError(error: string, description: string, headers: Record<string, string> = {}) {
  return jsonReply(
    400,
    { error, error_description: description },
    { ...headers, Pragma: 'no-cache' },
  );
}

/** The form parameters, or `undefined` when the body is not UTF-8 or repeats a parameter. */
function parseForm(body: Uint8Array): URLSearchParams | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  const params = new URLSearchParams(text);
  const names = [...params.keys()];
  return new Set(names).size === names.length ? params : undefined;
}

function pick(json: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) if (json[name] !== undefined) out[name] = json[name];
  return out;
}

export function loginRoute(options: LoginRouteOptions): Route {
  const { sessions, now } = options;

  /** The page's answer, and what becomes of the session cookie. */
  async function answer(
    grant: LoginGrant,
    portal: PortalTokenAnswer,
    session: SessionPayload | undefined,
    note: (key: string, value: string) => void,
  ): Promise<Reply> {
    const headers: Record<string, string> = { Pragma: 'no-cache' };
    if (portal.retryAfter !== null) headers['Retry-After'] = portal.retryAfter;
    const ok = portal.status === 200;
    const { refresh_token: refreshToken, error } = portal.json;
    if (ok && typeof refreshToken === 'string' && refreshToken !== '') {
      const signedInAt = session?.signedInAt ?? now();
      headers['Set-Cookie'] = await sessions.setCookie({ refreshToken, signedInAt });
      note('session', grant === 'refresh_token' ? 'rotated' : 'new');
    } else if (ok ? grant === 'authorization_code' : session && error === 'invalid_grant') {
      // A new sign-in without a refresh token, or a refresh the portal refused: no session.
      headers['Set-Cookie'] = CLEAR_SESSION_COOKIE;
      note('session', 'cleared');
    }
    const body = pick(portal.json, ok ? PASSED_ON_SUCCESS : PASSED_ON_ERROR);
    return jsonReply(portal.status, body, headers);
  }

  return {
    methods: ['POST'],
    maxBodyBytes: 4096,
    allowHeaders: 'Content-Type',
    budget: 'login',
    async handle({ request, body, note }) {
      const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded') {
        return oauthError('invalid_request', 'Send an application/x-www-form-urlencoded body.');
      }
      const params = parseForm(body);
      if (!params) return oauthError('invalid_request', 'The body is malformed.');
      const grant = params.get('grant_type');
      if (!grant) return oauthError('invalid_request', 'grant_type is missing.');
      if (!isLoginGrant(grant)) {
        note('grant', 'other');
        const only = 'Only authorization_code and refresh_token are accepted here.';
        return oauthError('unsupported_grant_type', only);
      }
      note('grant', grant);
      const clientId = params.get('client_id');
      if (clientId !== null && clientId !== options.clientId) {
        return oauthError('invalid_client', 'This client_id is not served here.');
      }
      const missing = GRANTS[grant].required.find((name) => !params.get(name));
      if (missing) return oauthError('invalid_request', `${missing} is missing.`);
      const redirectUri = params.get('redirect_uri');
      if (redirectUri !== null && !options.redirectUris.includes(redirectUri)) {
        return oauthError('invalid_request', 'redirect_uri is not registered here.');
      }
      const form = new URLSearchParams({ grant_type: grant });
      for (const name of GRANTS[grant].forwarded) {
        const value = params.get(name);
        if (value !== null) form.set(name, value);
      }
      let session: SessionPayload | undefined;
      if (grant === 'refresh_token') {
        const cookies = request.headers.get('Cookie');
        session = await sessions.read(cookies);
        if (!session || !isCurrent(session, now())) {
          note('session', 'none');
          // A cookie that does not open (another key) or ran out is removed.
          const clear = cookieValues(cookies, SESSION_COOKIE).length > 0;
          return oauthError(
            'invalid_grant',
            'No session to refresh: sign in again.',
            clear ? { 'Set-Cookie': CLEAR_SESSION_COOKIE } : {},
          );
        }
        form.set('refresh_token', session.refreshToken);
      }
      try {
        const portal = await requestPortalToken(options, form);
        note('upstream', String(portal.status));
        return await answer(grant, portal, session, note);
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        note('portal', error.reason);
        return errorReply(502, error.code, error.message);
      }
    },
  };
}
