/**
 * The backend's configuration (`GET <backend>config`): the patient login's settings and the
 * practice's public facts, set where the backend is deployed, never in the page. Read once per
 * widget, beside the first step's data; a guest books without it.
 */
import { ApiError, ERROR_CODES } from './errors.js';
import { fetchOnce } from './http.js';

export interface PracticeInfo {
  /** The practice's phone number as patients dial it. */
  phone?: string;
  privacyUrl?: string;
}

export interface BackendConfiguration {
  /**
   * The patient login's part as the backend sent it (an object when it offers login), decoded by
   * the sign-in chunk (`auth/login-config.ts`): guests never need its code.
   */
  login: Record<string, unknown> | null;
  practice: PracticeInfo;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

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
  const login = isRecord(json.login) ? json.login : null;
  return { login, practice: decodePractice(json.practice) };
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
