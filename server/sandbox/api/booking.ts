/**
 * POST /booking: appointment_write (user) or basic (guest). The check-and-commit of a slot is
 * synchronous (no await between "is it free?" and "it is taken"), so concurrent requests for one
 * availability are serialized: exactly one wins, the rest get 409.
 */
import { slotIsFree } from '../availability.js';
import { ApiError, notFound, ok, validationFailed, type FieldError } from '../envelopes.js';
import { isPlainObject } from '../http-utils.js';
import type { Appointment } from '../model.js';
import { findType } from '../seed/catalogue.js';
import type { RequestContext, Route } from './context.js';
import { appointmentJson } from './serialize.js';
import { blank, checkEmail, profileDefaults, validatePatientData } from './validation.js';

export const availabilityTaken = (): ApiError =>
  new ApiError(
    409,
    'This availability is no longer free; please choose another time',
    'availability_taken',
  );

export const asapNotEnabled = (): ApiError =>
  new ApiError(422, 'The ASAP list is not enabled for this appointment type', 'asap_not_enabled', [
    { field: 'asap_list_opt_in', message: 'is not available for this appointment type' },
  ]);

/** Decodes an availability id from a body; 422 if missing, 404 if unknown or tampered. */
export function availabilityFrom(ctx: RequestContext, body: Record<string, unknown>) {
  const id = body.availability_id;
  if (blank(id)) throw validationFailed([{ field: 'availability_id', message: "can't be blank" }]);
  const ref = typeof id === 'string' ? ctx.deps.codec.decode(id) : null;
  const type = ref ? findType(ref.typeId) : undefined;
  if (!ref || !type) throw notFound('Availability');
  return { ref, type };
}

function book(ctx: RequestContext) {
  const body = isPlainObject(ctx.body) ? ctx.body : {};
  const { ref, type } = availabilityFrom(ctx, body);
  if (ref.appointmentId) throw notFound('Availability');

  const patient = ctx.token.accountId ? ctx.deps.state.patientById(ctx.token.accountId) : undefined;
  const errors: FieldError[] = [];
  const optIn = body.asap_list_opt_in;
  if (!blank(optIn)) {
    if (!type.asap_notifications_enabled) throw asapNotEnabled();
    checkEmail(isPlainObject(optIn) ? optIn.email : undefined, 'asap_list_opt_in.email', errors);
  }
  // Free-form notes for the practice, kept as sent (the guide sends `{}`); an object or nothing.
  const comment = body.structured_comment;
  if (comment !== undefined && comment !== null && !isPlainObject(comment)) {
    errors.push({ field: 'structured_comment', message: 'must be an object' });
  }
  const checked = validatePatientData(
    body.patient_data,
    type,
    ctx.now,
    patient ? profileDefaults(patient) : {},
  );
  errors.push(...checked.errors);
  if (errors.length) throw validationFailed(errors);

  // Critical section: no await from here on.
  if (!slotIsFree(ref, ctx.now, ctx.deps.state.takenSlots())) throw availabilityTaken();
  const appointment: Appointment = {
    id: ctx.deps.state.newAppointmentId(),
    patientId: patient?.id ?? null,
    typeId: type.id,
    locationId: ref.locationId,
    startsAt: ref.startsAt,
    endsAt: ref.startsAt + type.duration_minutes * 60_000,
    status: 'confirmed',
    insuranceId: checked.insurance?.id ?? null,
    asapEmail: isPlainObject(optIn) && typeof optIn.email === 'string' ? optIn.email.trim() : null,
    source: 'booking',
    createdAt: ctx.now,
    clientId: ctx.token.clientId,
    patientData: checked.data,
    notifyWith: body.notify_with ?? null,
    structuredComment: body.structured_comment ?? null,
  };
  ctx.deps.state.addBooking(appointment);
  return ok(appointmentJson(appointment, ctx.now), 201);
}

export const bookingRoutes: Route[] = [
  { method: 'POST', pattern: '/booking', access: { kind: 'booking' }, handler: book },
];
