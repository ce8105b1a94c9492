/**
 * The public events of `<patient-booking>`: each declared once here, with its detail's type and
 * (`EVENT_REGISTRY`) the kind of each detail field, which the embed scripts check frame messages
 * against and the tests read. Every detail holds ids and times only, never patient data: hosts
 * forward these to analytics. Adding an event: CONTRIBUTING.md, "Add an event".
 */
import type { Step } from '../booking/steps.js';
import type { ErrorCode } from '../api/errors.js';

export interface BookingConfirmedDetail {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
  guest: boolean;
}

export interface BookingRescheduledDetail {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
  previousStartsAt: string;
}

export interface BookingCancelledDetail {
  appointmentId: string;
}

export interface BookingStepChangeDetail {
  step: Step;
  previousStep: Step | null;
}

export interface BookingErrorDetail {
  code: ErrorCode;
  message: string;
  status?: number;
  /**
   * When a misconfiguration is the cause: the attribute (`insurance-id`, `backend`, …) or the
   * backend's setting (`ALLOWED_ORIGINS`, `REDIRECT_URIS`, …) that is wrong; else null. The
   * console says what was expected, in one line (docs/diagnostics.md).
   */
  setting: string | null;
}

export interface PatientBookingEventMap {
  'booking-confirmed': CustomEvent<BookingConfirmedDetail>;
  'booking-rescheduled': CustomEvent<BookingRescheduledDetail>;
  'booking-cancelled': CustomEvent<BookingCancelledDetail>;
  'booking-step-change': CustomEvent<BookingStepChangeDetail>;
  'booking-error': CustomEvent<BookingErrorDetail>;
}

export type PatientBookingEventName = keyof PatientBookingEventMap;

export type DetailOf<K extends PatientBookingEventName> =
  PatientBookingEventMap[K] extends CustomEvent<infer D> ? D : never;

/** A detail field's kind: `status?` is an optional HTTP status (a non-negative integer). */
export type DetailField = 'string' | 'boolean' | 'string|null' | 'status?';

/** Every public event with the kind of each detail field; the compiler keeps it whole. */
export const EVENT_REGISTRY: {
  [K in PatientBookingEventName]: Record<keyof DetailOf<K>, DetailField>;
} = {
  'booking-confirmed': {
    appointmentId: 'string',
    startsAt: 'string',
    endsAt: 'string',
    guest: 'boolean',
  },
  'booking-rescheduled': {
    appointmentId: 'string',
    startsAt: 'string',
    endsAt: 'string',
    previousStartsAt: 'string',
  },
  'booking-cancelled': { appointmentId: 'string' },
  'booking-step-change': { step: 'string', previousStep: 'string|null' },
  'booking-error': {
    code: 'string',
    message: 'string',
    status: 'status?',
    setting: 'string|null',
  },
};

/** The public events' names, in the registry's order. */
export const PUBLIC_EVENTS = Object.keys(EVENT_REGISTRY) as PatientBookingEventName[];

/** Dispatch a public event: bubbles and crosses shadow roots, so host code hears it anywhere. */
export function emit<K extends PatientBookingEventName>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends PatientBookingEventMap {}
}
