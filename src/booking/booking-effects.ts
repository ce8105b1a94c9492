/**
 * The booking itself, run for the controller when the machine says so: the request (`book`), then
 * the public event (`bookingConfirmed`). In the flow's chunk: nobody books on the first step.
 */
import { ERROR_CODES } from '../api/errors.js';
import { emit } from '../events.js';
import type { BookingController, BookingControllerOptions } from './controller.js';
import type { Effect } from './machine.js';
import { toApiError } from './resources.js';

export function runBookingEffect(
  c: BookingController,
  effect: Effect,
  options: Pick<BookingControllerOptions, 'api' | 'isGuest'>,
  host: HTMLElement,
): void {
  if (effect.type === 'book') void book(c, effect, options);
  if (effect.type === 'bookingConfirmed') confirmed(c, options, host);
}

async function book(
  c: BookingController,
  effect: Extract<Effect, { type: 'book' }>,
  options: Pick<BookingControllerOptions, 'api'>,
): Promise<void> {
  c.bookingError = null;
  const { availabilityId, patient, asapOptIn, idempotencyKey } = effect;
  const asapEmail = asapOptIn ? patient.email : undefined;
  try {
    const appointment = await options.api.book(
      { availabilityId, patient, idempotencyKey, ...(asapEmail ? { asapEmail } : {}) },
      new AbortController().signal,
    );
    c.appointment = appointment;
    c.send({ type: 'BOOKED', appointmentId: appointment.id });
  } catch (e) {
    const error = toApiError(e);
    if (error.code === ERROR_CODES.availabilityTaken) {
      c.fail(error, 'notice');
      c.times?.forgetCurrent();
      c.send({ type: 'SLOT_TAKEN' });
    } else if (error.code === ERROR_CODES.asapNotEnabled) {
      // Sending it again would fail the same way: back to the details, the opt-in off, saying why.
      c.asapOptIn = false;
      c.send({ type: 'DETAILS_REJECTED' });
      c.fail(error, 'notice'); // after the step change, which clears notices
    } else if (error.code === ERROR_CODES.validation) {
      // Back to the form: its fields marked, or, when the portal names none, said above it.
      c.fieldErrors = error.fieldErrors;
      c.send({ type: 'DETAILS_REJECTED' });
      c.fail(error, error.fieldErrors.length ? 'field' : 'notice');
    } else {
      c.fail(error, 'booking');
      c.send({ type: 'BOOK_FAILED' });
    }
  }
}

function confirmed(
  c: BookingController,
  options: Pick<BookingControllerOptions, 'isGuest'>,
  host: HTMLElement,
): void {
  const a = c.appointment;
  const s = c.state;
  if (!a || s.step !== 'confirmed') return;
  emit(host, 'booking-confirmed', {
    appointmentId: a.id,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    guest: options.isGuest(),
  });
}
