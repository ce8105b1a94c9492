/**
 * The login's refresh and sign-out at the backend. The backend keeps the portal's refresh token
 * in an `HttpOnly` cookie on its exchange path, so the page never holds one: a refresh is a bare
 * `grant_type=refresh_token` POST that the browser sends with that cookie, and sign-out asks the
 * backend to drop the cookie and revoke the token at the portal. Where the browser refuses the
 * cookie (a third-party iframe), the session simply ends with the access token's life.
 */
import { ApiError, type ErrorCode } from '../api/errors.js';
import { fetchOnce } from '../api/http.js';
import type { LoginClient, LoginSettings, PopupLogin, TokenSet } from './login-client.js';

export interface BackendSessionOptions {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

/** Backend and portal troubles that pass: the session stands, the patient may try again. */
const TRANSIENT: Record<string, ErrorCode> = {
  portal_unavailable: 'server',
  internal_error: 'server',
  server_error: 'server',
  temporarily_unavailable: 'server',
  rate_limited: 'rate_limited',
};

/** Sign-out waits no longer than this for the backend (it revokes at the portal, best effort). */
const LOGOUT_TIMEOUT_MS = 5_000;

/** What a refused or failed refresh means: `unauthorized` ends the session, the rest pass. */
export function refreshRefusal(status: number, json: unknown): ErrorCode {
  const error = (json as { error?: unknown } | undefined)?.error;
  if (typeof error === 'string' && TRANSIENT[error]) return TRANSIENT[error];
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'unauthorized';
}

/** The popup login completed with the backend's refresh and sign-out. */
export function withBackendSession(
  popup: PopupLogin,
  settings: LoginSettings,
  options: BackendSessionOptions = {},
): LoginClient {
  const now = options.now ?? Date.now;
  const http = {
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.fetch && { fetch: options.fetch }),
  };

  async function refresh(): Promise<TokenSet> {
    const body = new URLSearchParams({ grant_type: 'refresh_token', client_id: settings.clientId });
    let answer;
    try {
      answer = await fetchOnce(
        settings.tokenEndpoint,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: body.toString(),
          credentials: 'same-origin',
        },
        http,
      );
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'network';
      throw settings.fail(code, `refresh: ${code}`);
    }
    const { status, json } = answer;
    const token = (json as { access_token?: unknown } | undefined)?.access_token;
    if (status !== 200 || typeof token !== 'string') {
      const code = status === 200 ? 'server' : refreshRefusal(status, json);
      const error = (json as { error?: unknown } | undefined)?.error;
      throw settings.fail(code, `refresh: ${typeof error === 'string' ? error : status}`);
    }
    const expiresIn = (json as { expires_in?: unknown }).expires_in;
    const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : null;
    return { accessToken: token, expiresAt };
  }

  async function signOut(): Promise<void> {
    await popup.signOut();
    const init = { method: 'POST', credentials: 'same-origin', keepalive: true } as const;
    await fetchOnce(settings.logoutEndpoint, init, { ...http, timeoutMs: LOGOUT_TIMEOUT_MS }).catch(
      () => undefined, // best effort: the cookie dies with the browser session anyway
    );
  }

  return { signIn: () => popup.signIn(), refresh, signOut };
}
