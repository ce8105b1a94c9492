/**
 * The patient login's settings from the element's configuration (in the account chunk: nothing
 * of the login is needed before the first "Sign in").
 */
import { ApiError, ERROR_CODES, type ErrorCode } from '../api/errors.js';
import type { WidgetConfig } from '../config.js';
import type { LoginSettings } from './login-client.js';
import { LOGIN_WINDOW_NAME, POPUP_SIZE } from './popup.js';

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
