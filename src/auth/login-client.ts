/**
 * What the main bundle knows of the patient login: types, and where to load it. The implementation
 * (`oidc-login.ts`, with oidc-client-ts) is a separate chunk, loaded with `import()` on the first
 * login click, so guests never download it.
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
  /** The backend's code and refresh exchange, which adds the client secret. */
  tokenEndpoint: string;
  /** The backend's way to the portal's userinfo. */
  userinfoEndpoint: string;
  /** The popup, opened already in the click: its window name and size (see `popup.ts`). */
  popup: { name: string; width: number; height: number };
  /** Makes the widget's error (the main bundle's `ApiError`) for a failure. */
  fail: (code: ErrorCode, message: string) => Error;
}

/**
 * The lazily loaded login. Every method fails with the error `fail` makes; its code says:
 * `popup_closed`, `login_denied`, `unauthorized` (a refresh the portal refused: sign in again),
 * `network` / `timeout` / `server` (try again later; the session stands).
 */
export interface LoginClient {
  /** Runs the code + PKCE flow in the already open window named `LOGIN_WINDOW_NAME`. */
  signIn(): Promise<TokenSet>;
  /** The refresh_token grant. */
  refresh(): Promise<TokenSet>;
  /** Forgets the user (memory only; nothing is stored anywhere else). */
  signOut(): Promise<void>;
}

export type CreateLoginClient = (settings: LoginSettings) => LoginClient;

/** The login chunk (oidc-client-ts): the first "Sign in" fetches it, beside the account code. */
export const loadLoginChunk = () => import('./oidc-login.js');
