/**
 * The patient login as the widget knows it: its settings, tokens and the client's methods. The
 * implementation with oidc-client-ts is `oidc-login.ts`.
 */
import type { ErrorCode } from '../api/errors.js';

/** An access token and when it runs out. Memory only. */
export interface TokenSet {
  accessToken: string;
  /** Epoch milliseconds; `null` when the portal did not say. */
  expiresAt: number | null;
}

export interface LoginSettings {
  /** The portal (OIDC issuer). */
  authority: string;
  clientId: string;
  /** The popup's callback page (`<backend>callback.html`), same origin as the page. */
  redirectUrl: string;
  /** The portal's login page, where the popup goes. */
  authorizationEndpoint: string;
  /**
   * The backend's code and refresh exchange, which adds the client secret and keeps the refresh
   * token in an `HttpOnly` cookie of its own: the page never sees it.
   */
  tokenEndpoint: string;
  /** The backend's sign-out: removes that cookie and revokes the refresh token at the portal. */
  logoutEndpoint: string;
  /** The backend's way to the portal's userinfo. */
  userinfoEndpoint: string;
  /** The popup, opened already in the click: its window name and size (see `popup.ts`). */
  popup: { name: string; width: number; height: number };
  /** Makes the widget's error (`ApiError`) for a failure. */
  fail: (code: ErrorCode, message: string) => Error;
}

/**
 * The patient's login as the session uses it. Every method fails with the error `fail` makes; its
 * code says: `popup_closed`, `login_denied`, `unauthorized` (a refresh the backend or portal
 * refused: sign in again), `network` / `timeout` / `server` (try again later; the session stands).
 */
export interface LoginClient extends PopupLogin {
  /** The refresh_token grant at the backend, which takes the token from its cookie. */
  refresh(): Promise<TokenSet>;
}

/** The lazily loaded part: the popup's code + PKCE flow (oidc-client-ts). */
export interface PopupLogin {
  /** Runs the code + PKCE flow in the already open window named `LOGIN_WINDOW_NAME`. */
  signIn(): Promise<TokenSet>;
  /** Forgets the user (memory only; nothing is stored anywhere else), and ends the session. */
  signOut(): Promise<void>;
}

export type CreateLoginClient = (settings: LoginSettings) => PopupLogin;
