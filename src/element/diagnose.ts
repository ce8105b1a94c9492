/**
 * A misconfiguration named (`diagnostics.ts`): one console line, prefixed `patient-booking:`, that
 * says what is wrong and what was expected, and one `booking-error` with its `setting` (unless the
 * booking flow sent it). Loaded only when a page has one (`lazy/diagnostics.ts`). Attribute
 * values, URLs and origins only, never patient data. The list: docs/diagnostics.md.
 */
import { ApiError, misconfigured, type ErrorCode } from '../api/errors.js';
import { publicError } from '../booking/public-error.js';
import { emit } from '../contract/events.js';
import { LOCALES } from '../contract/locales.js';
import { resolveLocale } from '../i18n/locale.js';
import { readConfig, type WidgetAttributes } from './config.js';
import type { Problem } from './problem.js';

const THEMES = ['light', 'dark', 'auto'];

const PRESETS: Record<string, keyof WidgetAttributes> = {
  'insurance-id': 'insuranceId',
  'appointment-category-id': 'categoryId',
  'appointment-type-id': 'typeId',
};

/** A setting the backend's answer named (the flow sent its event): the problem its line tells. */
function revealed(setting: string, attributes: WidgetAttributes): Problem {
  const preset = PRESETS[setting];
  if (preset) return { setting, kind: 'unknown-id', value: attributes[preset] ?? null };
  if (setting === 'ALLOWED_ORIGINS') return { setting, kind: 'origin' };
  if (setting === 'CLIENT_ID/CLIENT_SECRET') return { setting, kind: 'credentials' };
  return { setting, kind: 'revealed' };
}

/**
 * What a failed read of the backend's configuration tells: a `backend` that is not the booking
 * backend (an error status, not JSON), or, when the page named it, one that cannot be reached.
 * A backend the widget's own files came from is there: not reaching it is an outage, which the
 * booking flow reports (null here).
 */
function remoteProblem(error: unknown, named: boolean): (Problem & { code: ErrorCode }) | null {
  if (!(error instanceof ApiError)) return null;
  const status = error.status ?? 0;
  const setting = 'backend';
  if ((error.code === 'network' || error.code === 'timeout') && named)
    return { setting, kind: 'unreachable', named, code: 'network' };
  if (error.code === 'bad_response') return { setting, kind: 'not-json', named, code: 'config' };
  if (status >= 400 && status < 500 && status !== 403 && status !== 429)
    return { setting, kind: 'status', status, named, code: 'config' };
  return null;
}

const LISTED_IN: Record<string, string> = {
  'insurance-id': 'insurances',
  'appointment-category-id': 'appointment categories for that insurance',
  'appointment-type-id': 'appointment types of that category',
};

function describe(problem: Problem, attributes: WidgetAttributes): string {
  const { backend } = readConfig(attributes, location.href);
  const { origin } = location;
  const p = problem.kind === 'revealed' ? revealed(problem.setting, attributes) : problem;
  const value = `${p.setting}="${p.value ?? ''}"`;
  const where = p.named
    ? 'is backend= the URL of the booking backend?'
    : "serve the widget's files from the booking backend, or name it in backend= (script tag)";
  switch (p.kind ?? p.setting) {
    case 'not-url':
      return `${value} is not an http(s) URL: expected the booking backend's URL, like https://clinic.example/pb/; using ${backend}`;
    case 'not-id':
      return `${value} is not an id: expected an id of the portal (letters, digits, - or _); the patient chooses instead`;
    case 'unreachable':
      return `the backend ${backend} could not be reached: expected the booking backend's URL in backend= (right host and port, the backend running)`;
    case 'not-json':
      return `${backend}config is not a booking backend's configuration: ${where}`;
    case 'status':
      return `${backend}config answered ${p.status}: ${where}`;
    case 'locale':
      return `${value} is not one of ${LOCALES.join(', ')}: showing ${resolveLocale(null, document.documentElement.lang, navigator.languages ?? [])} instead`;
    case 'theme':
      return `${value} is not one of ${THEMES.join(', ')}: using light`;
    case 'variant':
      return `${value} is not one of card, plain: using card`;
    case 'sign-in':
      return `sign-in is off on this page: ${p.why} (expected there: the callback page beside the widget's files); guests book`;
    case 'unknown-id':
      return `${value} is not one of the practice's ${LISTED_IN[p.setting]}: expected an id the backend lists (${backend}api/patient/v1/…); the patient chooses instead`;
    case 'origin':
      return `the backend ${backend} refused this page's origin ${origin}: add it to the backend's ALLOWED_ORIGINS`;
    case 'credentials':
      return `the portal refused the backend's CLIENT_ID/CLIENT_SECRET: expected the client credentials the portal issued (the backend's log names the client); online booking is off`;
    default:
      return `${p.setting} is not set up correctly (the backend's log may say more)`;
  }
}

/** The settings named in each element's current set-up. */
const namedIn = new WeakMap<HTMLElement, { setUp: string; named: Set<string> }>();

/**
 * Names `problem` on `host` once per set-up: its line, and its event unless the booking flow sent
 * that (`revealed`).
 */
export function diagnose(host: HTMLElement, setUp: string, problem: Problem): void {
  let seen = namedIn.get(host);
  if (seen?.setUp !== setUp) namedIn.set(host, (seen = { setUp, named: new Set() }));
  const { named } = seen;
  const attributes = JSON.parse(setUp) as WidgetAttributes;
  const found =
    problem.kind === 'remote' ? remoteProblem(problem.error, !!attributes.backend) : problem;
  if (!found || named.has(found.setting)) return;
  named.add(found.setting);
  console.warn(`patient-booking: ${describe(found, attributes)}`);
  if (problem.kind === 'revealed') return;
  const code: ErrorCode = 'code' in found ? (found.code as ErrorCode) : 'config';
  const error = misconfigured(new ApiError(found.setting, code), found.setting);
  emit(host, 'booking-error', publicError(error));
}
