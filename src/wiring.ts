/**
 * Builds the portal API the controller uses from the element's configuration: the guest token
 * source (started at once, in parallel with the first render) and the one HTTP client.
 */
import { createHttpClient } from './api/http.js';
import { createPortal, type Portal } from './api/portal.js';
import { createGuestTokenSource } from './auth/guest-token.js';
import { ApiError, ERROR_CODES } from './api/errors.js';
import type { WidgetConfig } from './config.js';

export function createBookingApi(config: WidgetConfig, onWait: (seconds: number) => void): Portal {
  const guest = config.tokenUrl ? createGuestTokenSource({ tokenUrl: config.tokenUrl }) : null;
  guest?.prefetch();
  const http = createHttpClient({
    baseUrl: config.apiUrl,
    getToken: (o) =>
      guest
        ? guest.getToken(o)
        : Promise.reject(new ApiError('no token-url for guest access', ERROR_CODES.config)),
    onWait: ({ ms }) => onWait(Math.max(1, Math.ceil(ms / 1000))),
  });
  return createPortal(http, { userinfoUrl: config.userinfoUrl });
}
