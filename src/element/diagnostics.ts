/**
 * Misconfigurations, named for the page's author: each gives one `booking-error` whose `setting`
 * names the attribute or the backend setting that is wrong, and one console line, prefixed
 * `patient-booking:`, that says what was expected. The element finds some itself (`report`); the
 * backend's answers reveal the others, whose event the booking flow sends (`misconfigured` in
 * `api/errors.ts`) and whose line is written here. Lines hold attribute values, URLs and origins,
 * never patient data. The list: docs/diagnostics.md.
 */
import { ApiError, misconfigured, type ErrorCode } from '../api/errors.js';
import { publicError } from '../booking/public-error.js';
import { emit } from '../contract/events.js';
import { LOCALES } from '../contract/locales.js';
import type { WidgetAttributes } from './config.js';

/** What the lines name: the element's attributes as given, its backend, the page's origin. */
export interface DiagnosticsContext {
  attributes(): WidgetAttributes;
  backend(): string;
}

/** A preselected id the portal lacks: its attribute's property, and the list it is not in. */
const PRESETS: Record<string, [keyof WidgetAttributes, string]> = {
  'insurance-id': ['insuranceId', 'insurances'],
  'appointment-category-id': ['categoryId', 'appointment categories for that insurance'],
  'appointment-type-id': ['typeId', 'appointment types of that category'],
};

/** The line for a setting the backend's answer named (its event is out already). */
function lineFor(setting: string, context: DiagnosticsContext): string {
  const backend = context.backend();
  const preset = PRESETS[setting];
  if (preset) {
    const value = context.attributes()[preset[0]] ?? '';
    return `${setting}="${value}" is not one of the practice's ${preset[1]}: expected an id the backend lists (${backend}api/patient/v1/…); the patient chooses instead`;
  }
  switch (setting) {
    case 'ALLOWED_ORIGINS':
      return `the backend ${backend} refused this page's origin ${location.origin}: add it to the backend's ALLOWED_ORIGINS`;
    case 'CLIENT_ID/CLIENT_SECRET':
      return `the portal refused the backend's CLIENT_ID/CLIENT_SECRET: expected the client credentials the portal issued (the backend's log names the client); online booking is off`;
    default:
      return `${setting} is not set up correctly (the backend's log may say more)`;
  }
}

export const THEMES = ['light', 'dark', 'auto'] as const;

export class Diagnostics {
  /** The settings named since the last set-up: one line each. */
  private readonly named = new Set<string>();

  constructor(
    private readonly host: HTMLElement,
    private readonly context: DiagnosticsContext,
  ) {
    host.addEventListener('booking-error', (event) => {
      const { setting } = event.detail;
      if (setting) this.print(setting, () => lineFor(setting, context));
    });
  }

  /** A new set-up: each misconfiguration is named once again. */
  reset(): void {
    this.named.clear();
  }

  /** A misconfiguration the element found itself: its line, then its `booking-error`. */
  report(setting: string, line: string, code: ErrorCode = 'config'): void {
    if (!this.print(setting, () => line)) return;
    const error = misconfigured(new ApiError(`misconfigured ${setting}`, code), setting);
    emit(this.host, 'booking-error', publicError(error));
  }

  /** `locale` and `theme`: a value the widget does not know is named (the widget goes on). */
  checkAppearance(locale: string | null, shownLocale: string, theme: string | null): void {
    const tag = locale?.trim().toLowerCase().split(/[-_]/)[0];
    if (locale && !LOCALES.some((l) => l === tag)) {
      this.report(
        'locale',
        `locale="${locale}" is not one of ${LOCALES.join(', ')}: showing ${shownLocale} instead`,
      );
    }
    if (theme !== null && !THEMES.some((t) => t === theme)) {
      this.report('theme', `theme="${theme}" is not one of ${THEMES.join(', ')}: using light`);
    }
  }

  /**
   * The backend's configuration could not be read: a `backend` that is not the booking backend
   * (404, not JSON), or, when the page named it, one that cannot be reached. A backend the widget's
   * own files came from is there: a failure to reach it is an outage, reported by the booking flow.
   */
  remoteFailed(error: unknown, named: boolean): void {
    if (!(error instanceof ApiError)) return;
    const backend = this.context.backend();
    const where = named
      ? 'is backend= the URL of the booking backend?'
      : "serve the widget's files from the booking backend, or name it in backend= (script tag)";
    const status = error.status ?? 0;
    if ((error.code === 'network' || error.code === 'timeout') && named) {
      const line = `the backend ${backend} could not be reached: expected the booking backend's URL in backend= (right host and port, the backend running)`;
      this.report('backend', line, 'network');
    } else if (error.code === 'bad_response') {
      this.report('backend', `${backend}config is not a booking backend's configuration: ${where}`);
    } else if (status >= 400 && status < 500 && status !== 403 && status !== 429) {
      this.report('backend', `${backend}config answered ${status}: ${where}`);
    }
  }

  /** Writes `line` unless `setting` was named since the last set-up; true if written. */
  private print(setting: string, line: () => string): boolean {
    if (this.named.has(setting)) return false;
    this.named.add(setting);
    console.warn(`patient-booking: ${line()}`);
    return true;
  }
}
