/**
 * Builds what the controllers use from the element's configuration: the guest token source
 * (started at once, in parallel with the first render) and the one HTTP client, which asks the
 * patient's session for its token while a patient is signed in and the guest token source
 * otherwise. The session, the login's settings and the patient endpoints belong to the account
 * code, loaded on the first sign-in click (`account/gate.ts`); the login library comes beside it.
 */
import { createHttpClient, type HttpClient } from './api/http.js';
import type { CataloguePortal } from './api/portal-catalogue.js';
import { firstStepEndpoints } from './api/portal-first.js';
import { createGuestTokenSource } from './auth/guest-token.js';
import type { UserSession } from './auth/session.js';
import { ApiError, ERROR_CODES } from './api/errors.js';
import { loadFlow } from './booking/load-flow.js';
import type { WidgetConfig } from './config.js';

export interface Wiring {
  /** The endpoints a guest may use: catalogue, availabilities, booking. */
  api: CataloguePortal;
  /** For the patient endpoints (made by the account code). */
  http: HttpClient;
  /** The element's configuration (the account code makes the login's settings from it). */
  config: WidgetConfig;
  /** True when guests can book (a token server is configured). */
  guestAccess: boolean;
  /** True when patients can sign in (`client-id` and `redirect-url`). */
  login: boolean;
  /** The signed-in patient's session, once the account code has made one. */
  session: UserSession | null;
}

/**
 * The endpoints a guest may use: the first step's at once, the others through the booking flow's
 * chunk (which the flow has fetched before it leaves the first step).
 */
function guestEndpoints(http: HttpClient): CataloguePortal {
  let rest: CataloguePortal | null = null;
  const later = <K extends keyof CataloguePortal>(name: K): CataloguePortal[K] => {
    const call = async (...args: unknown[]) => {
      rest ??= (await loadFlow()).catalogueEndpoints(http);
      return (rest[name] as (...a: unknown[]) => unknown)(...args);
    };
    return call as CataloguePortal[K];
  };
  return {
    ...firstStepEndpoints(http),
    institution: later('institution'),
    locations: later('locations'),
    categories: later('categories'),
    types: later('types'),
    type: later('type'),
    availabilities: later('availabilities'),
    firstAvailable: later('firstAvailable'),
    book: later('book'),
  };
}

export function createWiring(
  config: WidgetConfig,
  hooks: { onWait: (seconds: number) => void },
): Wiring {
  const guest = config.tokenUrl ? createGuestTokenSource({ tokenUrl: config.tokenUrl }) : null;
  guest?.prefetch();
  const http = createHttpClient({
    baseUrl: config.apiUrl,
    getToken: (o) => {
      if (wiring.session?.signedIn) return wiring.session.getToken(o);
      if (guest) return guest.getToken(o);
      return Promise.reject(
        new ApiError('sign in first (no token-url)', ERROR_CODES.unauthorized, 401),
      );
    },
    // Only a rate limit gets the "many requests, retrying in n s" notice; other retries (5xx, a
    // dropped connection) happen under the step's own loading or sending state.
    onWait: ({ reason, ms }) => {
      if (reason === 'rate_limited') hooks.onWait(Math.max(1, Math.ceil(ms / 1000)));
    },
  });
  const wiring: Wiring = {
    api: guestEndpoints(http),
    http,
    config,
    guestAccess: guest !== null,
    login: !!(config.clientId && config.redirectUrl),
    session: null,
  };
  return wiring;
}
