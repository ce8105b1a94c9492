/**
 * The element's attributes, checked once. The only endpoint is the booking backend: by default
 * the directory the widget's script came from, or a `backend` URL on a script-tag page. Everything
 * else the widget needs (the login's settings, the practice's phone) comes from that backend.
 * A malformed value is named (`misconfigured`: the root makes it one console line and a
 * `booking-error`, see `diagnostics.ts`); the widget goes on with the rest.
 */
import type { Preset } from '../booking/steps.js';

export interface WidgetAttributes {
  backend?: string | null;
  insuranceId?: string | null;
  categoryId?: string | null;
  typeId?: string | null;
}

export interface WidgetConfig {
  /** The backend's base URL, ending in `/`. */
  backend: string;
  /** `backend` + `api/patient/v1` (no trailing slash). */
  apiUrl: string;
  preset: Preset;
}

export const API_PATH = 'api/patient/v1';

/**
 * The directory this module was loaded from: where the built widget and its backend live. Known
 * only where the page loads it, so the build leaves it alone (`@vite-ignore`).
 */
export const OWN_DIRECTORY = new URL(/* @vite-ignore */ './', import.meta.url).href;

function httpUrl(value: string, base: string): URL | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** A directory URL: a path that does not end in `/` gets one, the query and fragment go. */
function asDirectory(url: URL): string {
  const dir = new URL(url.href);
  dir.search = '';
  dir.hash = '';
  if (!dir.pathname.endsWith('/')) dir.pathname += '/';
  return dir.href;
}

/** Ids are the portal's (numbers); anything else is named and left out. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function readConfig(
  a: WidgetAttributes,
  pageUrl: string,
  ownDirectory: string = OWN_DIRECTORY,
  misconfigured: (attribute: string, kind: 'not-url' | 'not-id', value: string) => void = () => {},
): WidgetConfig {
  let backend = ownDirectory;
  if (a.backend) {
    const url = httpUrl(a.backend, pageUrl);
    if (url) backend = asDirectory(url);
    else misconfigured('backend', 'not-url', a.backend);
  }
  const preset: Preset = {};
  const ids = [
    ['insurance-id', a.insuranceId, 'insuranceId'],
    ['appointment-category-id', a.categoryId, 'categoryId'],
    ['appointment-type-id', a.typeId, 'typeId'],
  ] as const;
  for (const [attribute, value, key] of ids) {
    if (!value) continue;
    if (ID.test(value)) preset[key] = value;
    else misconfigured(attribute, 'not-id', value);
  }
  return { backend, apiUrl: new URL(API_PATH, backend).href, preset };
}
