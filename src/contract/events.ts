/**
 * The public events of `<patient-booking>` (the contract in DESIGN.md). Every detail holds ids and
 * times only, never patient data: hosts forward these to analytics.
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
  step: Step | string;
  previousStep: Step | string | null;
}

export interface BookingErrorDetail {
  code: ErrorCode;
  message: string;
  status?: number;
}

export interface PatientBookingEventMap {
  'booking-confirmed': CustomEvent<BookingConfirmedDetail>;
  'booking-rescheduled': CustomEvent<BookingRescheduledDetail>;
  'booking-cancelled': CustomEvent<BookingCancelledDetail>;
  'booking-step-change': CustomEvent<BookingStepChangeDetail>;
  'booking-error': CustomEvent<BookingErrorDetail>;
}

export type PatientBookingEventName = keyof PatientBookingEventMap;

export const PUBLIC_EVENTS = [
  'booking-confirmed',
  'booking-rescheduled',
  'booking-cancelled',
  'booking-step-change',
  'booking-error',
] as const satisfies readonly PatientBookingEventName[];

type DetailOf<K extends PatientBookingEventName> =
  PatientBookingEventMap[K] extends CustomEvent<infer D> ? D : never;

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
