/**
 * The backend's configuration (`GET <backend>config`): the patient login's settings and the
 * practice's public facts, set where the backend is deployed, never in the page. Read once per
 * widget, beside the first step's data; a guest books without it.
 */
import { ApiError, ERROR_CODES } from './errors.js';
import { fetchOnce } from './http.js';

export interface LoginConfig {
  /** The portal (OIDC issuer); the popup navigates to its authorization endpoint. */
  issuer: string;
  authorizationEndpoint: string;
  clientId: string;
  /** Registered callback pages; the widget uses the one beside its own files. */
  redirectUris: string[];
}

export interface PracticeInfo {
  /** The practice's phone number as patients dial it. */
  phone?: string;
  privacyUrl?: string;
}

export interface BackendConfiguration {
  login: LoginConfig | null;
  practice: PracticeInfo;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

function decodeLogin(v: unknown): LoginConfig | null {
  if (!isRecord(v)) return null;
  const issuer = text(v.issuer);
  const authorizationEndpoint = text(v.authorizationEndpoint);
  const clientId = text(v.clientId);
  const uris = Array.isArray(v.redirectUris) ? v.redirectUris.filter((u) => text(u)) : [];
  if (!issuer || !authorizationEndpoint || !clientId || uris.length === 0) return null;
  return { issuer, authorizationEndpoint, clientId, redirectUris: uris as string[] };
}

function decodePractice(v: unknown): PracticeInfo {
  if (!isRecord(v)) return {};
  const info: PracticeInfo = {};
  const phone = text(v.phone);
  if (phone && /^\+?[0-9 ()/-]{3,30}$/.test(phone)) info.phone = phone;
  const privacyUrl = text(v.privacyUrl);
  if (privacyUrl && /^https?:\/\//.test(privacyUrl)) info.privacyUrl = privacyUrl;
  return info;
}

export function decodeBackendConfiguration(json: unknown): BackendConfiguration {
  if (!isRecord(json)) throw new ApiError('config: not an object', ERROR_CODES.badResponse);
  return { login: decodeLogin(json.login), practice: decodePractice(json.practice) };
}

/** Fails with `ApiError` (`network`, `timeout`, `backend` for an error status, `bad_response`). */
export async function loadBackendConfiguration(
  backend: string,
  signal?: AbortSignal,
): Promise<BackendConfiguration> {
  const url = new URL('config', backend).href;
  const answer = await fetchOnce(url, { method: 'GET', ...(signal ? { signal } : {}) });
  if (answer.status !== 200) {
    throw new ApiError(`GET config: ${answer.status}`, ERROR_CODES.backend, answer.status);
  }
  return decodeBackendConfiguration(answer.json);
}
