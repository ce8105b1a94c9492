/**
 * The booking request, run when the machine says so (`book` effect): what came of it, as data,
 * which the controller applies (the step to go to, where the error shows).
 */
import { ERROR_CODES, type ApiError } from '../api/errors.js';
import type { Appointment } from '../api/types.js';
import type { BookingApi } from './booking-api.js';
import type { Effect } from './machine.js';
import { toApiError } from './resources.js';

export type BookingOutcome =
  | { type: 'booked'; appointment: Appointment }
  /** The time was taken meanwhile: back to the times. */
  | { type: 'taken'; error: ApiError }
  /** The type has no waiting list: back to the details with the opt-in off (again would fail). */
  | { type: 'asapRejected'; error: ApiError }
  /** The portal refused the details: back to the form, its fields marked where it named them. */
  | { type: 'invalid'; error: ApiError }
  /** Anything else: the details step says so and offers Retry (with the same idempotency key). */
  | { type: 'failed'; error: ApiError };

const OUTCOME_OF: Partial<Record<string, BookingOutcome['type']>> = {
  [ERROR_CODES.availabilityTaken]: 'taken',
  [ERROR_CODES.asapNotEnabled]: 'asapRejected',
  [ERROR_CODES.validation]: 'invalid',
};

export async function requestBooking(
  api: Pick<BookingApi, 'book'>,
  effect: Extract<Effect, { type: 'book' }>,
  /** The patient's note to the practice ('' for none). */
  note = '',
): Promise<BookingOutcome> {
  const { availabilityId, patient, asapOptIn, idempotencyKey } = effect;
  const asapEmail = asapOptIn ? patient.email : undefined;
  try {
    const appointment = await api.book(
      {
        availabilityId,
        patient,
        idempotencyKey,
        ...(asapEmail ? { asapEmail } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      new AbortController().signal,
    );
    return { type: 'booked', appointment };
  } catch (e) {
    const error = toApiError(e);
    const type = OUTCOME_OF[error.code] ?? 'failed';
    return { type, error } as BookingOutcome;
  }
}
