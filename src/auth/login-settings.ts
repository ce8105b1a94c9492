/**
 * The patient login's settings, from the backend's configuration. The popup navigates to the
 * portal's own login page; the code and refresh exchanges, and the userinfo, go to the backend,
 * which adds the client secret. No discovery request: the portal is never called by the page.
 */
import { ApiError, ERROR_CODES, type ErrorCode } from '../api/errors.js';
import { decodeLoginConfig } from './login-config.js';
import type { LoginSettings } from './login-client.js';
import { LOGIN_WINDOW_NAME, POPUP_SIZE } from './popup.js';

/** `setting`: the backend's setting to fix, when a misconfiguration (not the page) is why. */
export type LoginAvailability =
  { ok: true; settings: LoginSettings } | { ok: false; why: string; setting?: string };

/**
 * The login's settings, or why there is no login on this page: the callback page beside the
 * widget's files (`<backend>callback.html`) must be one the backend registered, on the page's own
 * origin (the popup hands its result over by `postMessage`), and the page must be a secure context
 * (PKCE's hashing, `crypto.subtle`, is given to https pages and localhost only).
 */
export function loginSettings(
  remote: object,
  backend: string,
  pageOrigin: string,
  secure: boolean,
): LoginAvailability {
  const login = decodeLoginConfig(remote);
  if (!login) return { ok: false, why: "the backend's login configuration is incomplete" };
  const redirectUrl = new URL('callback.html', backend).href;
  if (!login.redirectUris.includes(redirectUrl)) {
    const why = `${redirectUrl} is not in the backend's REDIRECT_URIS`;
    return { ok: false, why, setting: 'REDIRECT_URIS' };
  }
  if (new URL(redirectUrl).origin !== pageOrigin) {
    return { ok: false, why: `the backend is on another origin than this page (${pageOrigin})` };
  }
  if (!secure) return { ok: false, why: 'sign-in needs an https page' };
  return {
    ok: true,
    settings: {
      authority: login.issuer,
      clientId: login.clientId,
      redirectUrl,
      authorizationEndpoint: login.authorizationEndpoint,
      tokenEndpoint: new URL('oauth/token', backend).href,
      logoutEndpoint: new URL('oauth/logout', backend).href,
      userinfoEndpoint: new URL('oauth/userinfo', backend).href,
      popup: { name: LOGIN_WINDOW_NAME, ...POPUP_SIZE },
      fail: (code: ErrorCode, message: string) =>
        new ApiError(message, code, code === ERROR_CODES.unauthorized ? 401 : undefined),
    },
  };
}
