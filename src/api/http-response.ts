/**
 * Pure parts of the HTTP client: URLs, and turning a finished response (status + body text)
 * into a decoded value or a typed error. Messages are technical and carry no patient data
 * (they may reach `booking-error` and host analytics): method, path, status, server code.
 */
import { ApiError, ERROR_CODES, misconfigured } from './errors.js';
import type { ErrorCode } from './errors.js';
import type { FieldError } from './types.js';

export type Query = Record<string, string | number | undefined>;

/** Joins base and path with exactly one slash and appends the defined query parameters. */
export function buildUrl(baseUrl: string, path: string, query?: Query, absolute = false): string {
  let url = absolute ? path : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.append(key, String(value));
    }
    const search = params.toString();
    if (search) url += (url.includes('?') ? '&' : '?') + search;
  }
  return url;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

/** JSON.parse without throwing; empty or whitespace-only text is not JSON. */
export function parseJson(text: string): Parsed {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** 2xx: parse and decode; anything unreadable is `bad_response`, never a raw SyntaxError. */
export function decodeSuccess<T>(
  status: number,
  text: string,
  decode: (json: unknown) => T,
  what: string,
): T {
  let json: unknown = null;
  if (status !== 204 || text.trim() !== '') {
    const parsed = parseJson(text);
    if (!parsed.ok)
      throw new ApiError(`${what}: ${status} body is not JSON`, 'bad_response', status);
    json = parsed.value;
  }
  try {
    return decode(json);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(`${what}: could not decode (${reason})`, 'bad_response', status);
  }
}

/** Server `error` codes that name a situation the widget handles on its own. */
const DOMAIN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  ERROR_CODES.notCancelable,
  ERROR_CODES.notReschedulable,
  ERROR_CODES.asapNotEnabled,
  ERROR_CODES.availabilityTaken,
]);

interface Envelope {
  error?: string;
  fieldErrors: FieldError[];
}

/** Reads `{message, error?, errors?}` tolerantly; a non-JSON or odd body gives an empty envelope. */
export function readEnvelope(text: string): Envelope {
  const parsed = parseJson(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    return { fieldErrors: [] };
  }
  const body = parsed.value as Record<string, unknown>;
  return {
    error: typeof body.error === 'string' ? body.error : undefined,
    fieldErrors: readFieldErrors(body.errors),
  };
}

function readFieldErrors(errors: unknown): FieldError[] {
  const out: FieldError[] = [];
  if (Array.isArray(errors)) {
    for (const item of errors) {
      if (typeof item !== 'object' || item === null) continue;
      const { field, message } = item as Record<string, unknown>;
      if (typeof message !== 'string') continue;
      out.push({ field: typeof field === 'string' ? field : '', message });
    }
  } else if (typeof errors === 'object' && errors !== null) {
    // Rails style {"patient_data.email": ["is invalid"]}: accepted as well.
    for (const [field, value] of Object.entries(errors)) {
      for (const message of Array.isArray(value) ? value : [value]) {
        if (typeof message === 'string') out.push({ field, message });
      }
    }
  }
  return out;
}

/** A non-2xx that is not retried (and not 401/429, which the client handles) → typed error. */
export function errorFromResponse(status: number, text: string, what: string): ApiError {
  const { error, fieldErrors } = readEnvelope(text);
  const message = `${what}: ${status}${error ? ` ${error}` : ''}`;
  const fail = (code: ErrorCode, fields: FieldError[] = []) =>
    new ApiError(message, code, status, fields, error);
  if (status === 400 || status === 422) {
    const code =
      error !== undefined && DOMAIN_CODES.has(error) ? (error as ErrorCode) : 'validation';
    return fail(code, fieldErrors);
  }
  // The backend's own refusals: the portal refused its credentials, or the page's origin is not
  // one it serves. Both are set-up problems, not the patient's.
  // The setting named is the backend's (docs/diagnostics.md); its log says more.
  if (error === 'portal_rejected') return misconfigured(fail('backend'), 'CLIENT_ID/CLIENT_SECRET');
  // Unavailable: an outage as often as a wrong PORTAL_URL; only the backend's log can tell.
  if (error === 'portal_unavailable') return fail('backend');
  if (error === 'origin_not_allowed' || error === 'origin_required')
    return misconfigured(fail('config'), 'ALLOWED_ORIGINS');
  if (status === 403) return fail('forbidden');
  if (status === 404 || status === 410) return fail('not_found');
  if (status === 409) return fail('availability_taken');
  if (status >= 500) return fail('server');
  // Other 4xx (405, 413, …) are bugs on one side or the other: nothing to retry or correct.
  return fail('server', fieldErrors);
}
