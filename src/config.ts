/**
 * The element's attributes, checked once: a missing or malformed URL becomes a `config` error the
 * widget shows (and reports), never a blank box or an uncaught exception.
 */
import { ApiError, ERROR_CODES } from './api/errors.js';
import type { Preset } from './booking/steps.js';

export interface WidgetAttributes {
  portalUrl?: string | null;
  apiUrl?: string | null;
  tokenUrl?: string | null;
  clientId?: string | null;
  redirectUrl?: string | null;
  insuranceId?: string | null;
  categoryId?: string | null;
  typeId?: string | null;
}

export interface WidgetConfig {
  portalOrigin: string;
  apiUrl: string;
  userinfoUrl: string;
  tokenUrl: string | null;
  clientId: string | null;
  redirectUrl: string | null;
  preset: Preset;
}

export const API_PATH = '/api/patient/v1';

export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; error: ApiError };

function httpUrl(value: string | null | undefined, base?: string): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

const invalid = (what: string): ConfigResult => ({
  ok: false,
  error: new ApiError(`${what} is missing or not an http(s) URL`, ERROR_CODES.config),
});

/**
 * `secure`: the page is a secure context. Sign-in needs one (PKCE's hashing, `crypto.subtle`, is
 * given to https pages and localhost only), so on plain http the widget offers guest booking only.
 */
export function readConfig(
  a: WidgetAttributes,
  pageUrl: string,
  secure = globalThis.isSecureContext !== false,
): ConfigResult {
  const portal = httpUrl(a.portalUrl);
  if (!portal) return invalid('portal-url');
  const api = a.apiUrl ? httpUrl(a.apiUrl, pageUrl) : new URL(API_PATH, portal);
  if (!api) return invalid('api-url');
  const token = a.tokenUrl ? httpUrl(a.tokenUrl, pageUrl) : null;
  if (a.tokenUrl && !token) return invalid('token-url');
  const redirect = a.redirectUrl ? httpUrl(a.redirectUrl, pageUrl) : null;
  if (a.redirectUrl && !redirect) return invalid('redirect-url');
  if (!token && !a.clientId) return invalid('token-url (or client-id)');
  // The popup hands its result to the page by postMessage: same origin, or no login at all.
  if (a.clientId && (!redirect || redirect.origin !== new URL(pageUrl).origin)) {
    return {
      ok: false,
      error: new ApiError('redirect-url must be on the page origin for login', ERROR_CODES.config),
    };
  }

  if (a.clientId && !secure && !token) {
    return {
      ok: false,
      error: new ApiError(
        'sign-in needs an https page (and there is no token-url)',
        ERROR_CODES.config,
      ),
    };
  }

  const preset: Preset = {};
  if (a.insuranceId) preset.insuranceId = a.insuranceId;
  if (a.categoryId) preset.categoryId = a.categoryId;
  if (a.typeId) preset.typeId = a.typeId;
  return {
    ok: true,
    config: {
      portalOrigin: portal.origin,
      apiUrl: api.href.replace(/\/+$/, ''),
      userinfoUrl: new URL('/oauth/userinfo', portal).href,
      tokenUrl: token?.href ?? null,
      clientId: (secure && a.clientId) || null,
      redirectUrl: redirect?.href ?? null,
      preset,
    },
  };
}
