/**
 * The patient login with oidc-client-ts: authorization code + PKCE in a popup, exchanged at the
 * backend, which keeps the refresh token (an `HttpOnly` cookie; the refresh is `backend-session.ts`,
 * so this library never holds a refresh token). It imports no value of the widget's other code
 * (docs/architecture.md): what it needs comes in `LoginSettings`.
 *
 * Storage: the user and the PKCE state live in `InMemoryWebStorage`; nothing is written to the
 * host page's localStorage or sessionStorage. No silent-renew iframe, no session monitor.
 */
import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type User,
  type UserManagerSettings,
} from 'oidc-client-ts';
import type { LoginSettings, PopupLogin, TokenSet } from './login-client.js';
import { loginFailure, type Failure } from './oidc-errors.js';

/** Scopes of the patient login (the portal guide's list; no `openid`, so no ID token to check). */
export const LOGIN_SCOPE = 'basic profile_read appointment_read appointment_write';

const memory = () => new WebStorageStateStore({ store: new InMemoryWebStorage() });

/** oidc-client-ts settings for the widget's login (exported for tests). */
export function userManagerSettings(s: LoginSettings): UserManagerSettings {
  return {
    authority: s.authority,
    client_id: s.clientId,
    redirect_uri: s.redirectUrl,
    popup_redirect_uri: s.redirectUrl,
    response_type: 'code',
    scope: LOGIN_SCOPE,
    // All of it given: no discovery request to the portal; the exchanges go to the backend.
    metadata: {
      issuer: s.authority,
      authorization_endpoint: s.authorizationEndpoint,
      token_endpoint: s.tokenEndpoint,
      userinfo_endpoint: s.userinfoEndpoint,
    },
    userStore: memory(),
    stateStore: memory(),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    popupWindowTarget: s.popup.name,
    popupWindowFeatures: {
      width: s.popup.width,
      height: s.popup.height,
      location: false,
      toolbar: false,
    },
    requestTimeoutInSeconds: 15,
    // The exchange's answer sets the backend's session cookie (same origin: nothing is sent
    // elsewhere).
    fetchRequestCredentials: 'same-origin',
  };
}

export function createLoginClient(settings: LoginSettings): PopupLogin {
  const manager = new UserManager(userManagerSettings(settings));
  const fail = (f: Failure) => settings.fail(f.code, f.message);

  function tokens(user: User | null): TokenSet {
    if (!user?.access_token) throw settings.fail('login_denied', 'login: no access token');
    return {
      accessToken: user.access_token,
      expiresAt: user.expires_at === undefined ? null : user.expires_at * 1000,
    };
  }

  return {
    async signIn() {
      let user: User;
      try {
        // The popup is open already: found by its name and navigated to the portal's login.
        user = await manager.signinPopup({
          popupWindowTarget: settings.popup.name,
          popupAbortOnClose: true,
        });
      } catch (error) {
        throw fail(loginFailure(error));
      }
      return tokens(user);
    },
    async signOut() {
      await manager.removeUser();
    },
  };
}
