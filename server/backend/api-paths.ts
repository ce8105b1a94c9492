/**
 * The API's allow-lists: which paths below `/api/patient/v1` the backend forwards, for a guest
 * (with its own guest token) and for a signed-in patient (with the patient's token), and which
 * query parameters each guest GET takes. Anything else never reaches the portal.
 */

export const API_PREFIX = '/api/patient/v1';

/** How a path is treated: cached long, cached seconds, a guest booking, or a patient's call. */
export type ApiKind = 'catalogue' | 'availability' | 'booking' | 'patient';

/** Ids are numbers in the portal; anything outside this set (`%2F`, `..`) never matches. */
const ID = '[A-Za-z0-9_-]{1,64}';

/** A query parameter's name and the shape its value must have. */
type Param = readonly [name: string, shape: RegExp];

const PAGE: Param = ['page', /^[1-9]\d{0,3}$/];
const PER_PAGE: Param = ['per_page', /^[1-9]\d{0,2}$/];
const INSURANCE: Param = ['insurance_id', new RegExp(`^${ID}$`)];
const CATEGORY: Param = ['appointment_category_id', new RegExp(`^${ID}$`)];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ApiPath {
  kind: ApiKind;
  /** The query parameters a guest GET may carry, in the canonical order. */
  params: readonly Param[];
  /** Methods a signed-in patient may use here (a guest: GET, or POST for booking). */
  patientMethods: readonly string[];
}

const path = (
  pattern: string,
  kind: ApiKind,
  params: readonly Param[] = [],
  patientMethods: readonly string[] = kind === 'booking' ? ['POST'] : ['GET'],
) => [new RegExp(`^${pattern.replaceAll('{id}', ID)}$`), { kind, params, patientMethods }] as const;

const ALLOW_LIST: readonly (readonly [RegExp, ApiPath])[] = [
  path('/insurances', 'catalogue', [PAGE, PER_PAGE]),
  path('/institutions', 'catalogue', [PAGE, PER_PAGE]),
  path('/institutions/{id}', 'catalogue'),
  path('/locations', 'catalogue', [PAGE, PER_PAGE]),
  path('/appointment_categories', 'catalogue', [INSURANCE, PAGE, PER_PAGE]),
  path('/appointment_types', 'catalogue', [CATEGORY, INSURANCE, PAGE, PER_PAGE]),
  path('/appointment_types/{id}', 'catalogue'),
  path('/appointment_types/{id}/availabilities', 'availability', [
    CATEGORY,
    INSURANCE,
    ['from', DATE],
    ['to', DATE],
  ]),
  path('/booking', 'booking'),
  path('/appointments', 'patient'),
  path('/appointments/overview', 'patient'),
  path('/appointments/{id}', 'patient'),
  path('/appointments/{id}/cancel', 'patient', [], ['POST']),
  path('/appointments/{id}/availabilities', 'patient'),
  path('/reschedule', 'patient', [], ['POST']),
  path('/appointments/{id}/asap_availability', 'patient'),
  path('/appointments/{id}/asap_list_subscription', 'patient', [], ['PUT', 'DELETE']),
  path('/video_consultations_patient_accesses', 'patient', [], ['POST']),
];

/** The allow-list entry of a path below the prefix (`/insurances`), else `undefined`. */
export function apiPath(subpath: string): ApiPath | undefined {
  return ALLOW_LIST.find(([pattern]) => pattern.test(subpath))?.[1];
}

export type CanonicalQuery = { ok: true; search: string } | { ok: false; name: string };

/**
 * The guest query in canonical form: only the path's own parameters, each once (the first),
 * in the allow-list's order; unknown parameters are dropped, so junk neither misses the cache nor
 * reaches the portal. A known parameter with a malformed value is refused (`name`).
 */
export function canonicalQuery(search: string, params: readonly Param[]): CanonicalQuery {
  if (params.length === 0 || search === '' || search === '?') return { ok: true, search: '' };
  const given = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [name, shape] of params) {
    const value = given.get(name);
    if (value === null) continue;
    if (!shape.test(value)) return { ok: false, name };
    kept.set(name, value);
  }
  const text = kept.toString();
  return { ok: true, search: text === '' ? '' : `?${text}` };
}
