/** Small pieces shared by the endpoint modules. */
import type { HttpClient } from './http.js';
import { list } from './decode.js';
import type { Decoder } from './decode.js';
import { PER_PAGE, collectPages } from './paging.js';
import type { PatientData } from './types.js';

/** Ids are opaque (availability ids contain + / =): always encoded as one path segment. */
export const seg = (id: string) => encodeURIComponent(id);

/** Every page of a list endpoint (100 per page). */
export function listAll<T>(
  http: HttpClient,
  path: string,
  query: Record<string, string | undefined>,
  decoder: Decoder<T>,
  signal: AbortSignal,
): Promise<T[]> {
  const decode = list(decoder);
  return collectPages((page) =>
    http.request('GET', path, { query: { ...query, page, per_page: PER_PAGE }, signal, decode }),
  );
}

/** Fields that `notify_with` mirrors (the guide's booking example). */
const NOTIFY_FIELDS = [
  'title',
  'first_name',
  'last_name',
  'gender',
  'born_on',
  'email',
  'mobile',
  'insurance',
] as const;

/** The patient data without empty fields (an empty optional field is "not given", not invalid). */
export function patientData(patient: PatientData): PatientData {
  const out: PatientData = {};
  for (const [key, value] of Object.entries(patient) as [keyof PatientData, unknown][]) {
    if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '')) {
      Object.assign(out, { [key]: value });
    }
  }
  return out;
}

export function notifyWith(patient: PatientData): Record<string, string> {
  const data = patientData(patient);
  const out: Record<string, string> = {};
  for (const key of NOTIFY_FIELDS) {
    const value = data[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
