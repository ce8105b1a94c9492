/**
 * Builds what the controllers use from the element's configuration: the guest token source
 * (started at once, in parallel with the first render), the patient session (login code loaded
 * on the first sign-in only) and the one HTTP client, which asks the session for its token while
 * a patient is signed in and the guest token source otherwise.
 */
import { createHttpClient } from './api/http.js';
import { createPortal, type Portal } from './api/portal.js';
import { createGuestTokenSource } from './auth/guest-token.js';
import type { LoginSettings } from './auth/login-client.js';
import { LOGIN_WINDOW_NAME, POPUP_SIZE } from './auth/popup.js';
import { UserSession } from './auth/session.js';
import { ApiError, ERROR_CODES, type ErrorCode } from './api/errors.js';
import type { WidgetConfig } from './config.js';

export interface Wiring {
  api: Portal;
  /** Null without `client-id`: no login. */
  session: UserSession | null;
  /** True when guests can book (a token server is configured). */
  guestAccess: boolean;
}

/** The login's settings; the token server mediates the code exchange when there is one. */
export function loginSettings(config: WidgetConfig): LoginSettings | null {
  if (!config.clientId || !config.redirectUrl) return null;
  return {
    authority: config.portalOrigin,
    clientId: config.clientId,
    redirectUrl: config.redirectUrl,
    ...(config.tokenUrl ? { tokenEndpoint: new URL('oauth/token', config.tokenUrl).href } : {}),
    popup: { name: LOGIN_WINDOW_NAME, ...POPUP_SIZE },
    fail: (code: ErrorCode, message: string) =>
      new ApiError(message, code, code === ERROR_CODES.unauthorized ? 401 : undefined),
  };
}

export function createWiring(
  config: WidgetConfig,
  hooks: { onWait: (seconds: number) => void; onSessionEnded: () => void },
): Wiring {
  const guest = config.tokenUrl ? createGuestTokenSource({ tokenUrl: config.tokenUrl }) : null;
  guest?.prefetch();
  const settings = loginSettings(config);
  const session = settings
    ? new UserSession({
        // The login chunk: oidc-client-ts, fetched on the first sign-in only.
        load: () => import('./auth/oidc-login.js').then((m) => m.createLoginClient(settings)),
        onEnded: hooks.onSessionEnded,
      })
    : null;
  const http = createHttpClient({
    baseUrl: config.apiUrl,
    getToken: (o) => {
      if (session?.signedIn) return session.getToken(o);
      if (guest) return guest.getToken(o);
      return Promise.reject(
        new ApiError('sign in first (no token-url)', ERROR_CODES.unauthorized, 401),
      );
    },
    onWait: ({ ms }) => hooks.onWait(Math.max(1, Math.ceil(ms / 1000))),
  });
  return {
    api: createPortal(http, { userinfoUrl: config.userinfoUrl }),
    session,
    guestAccess: guest !== null,
  };
}
