/** The patient's appointments: list, overview, one, cancel, reschedule. */
import { slotIsFree } from '../availability.js';
import { ApiError, badRequest, list, notFound, ok, validationFailed } from '../envelopes.js';
import { isPlainObject } from '../http-utils.js';
import type { Appointment } from '../model.js';
import { availabilityFrom, availabilityTaken } from './booking.js';
import { patientId, type RequestContext, type Route } from './context.js';
import { paging } from './params.js';
import { appointmentJson, isChangeable } from './serialize.js';

const read = { kind: 'user', scope: 'appointment_read' } as const;
const write = { kind: 'user', scope: 'appointment_write' } as const;

function split(
  appointments: Appointment[],
  now: number,
): { upcoming: Appointment[]; past: Appointment[] } {
  const upcoming = appointments
    .filter((a) => a.startsAt >= now)
    .sort((a, b) => a.startsAt - b.startsAt);
  const past = appointments.filter((a) => a.startsAt < now).sort((a, b) => b.startsAt - a.startsAt);
  return { upcoming, past };
}

function ownAppointment(ctx: RequestContext, id: string | undefined): Appointment {
  const appointment = ctx.deps.state.appointmentOf(patientId(ctx), id ?? '');
  if (!appointment) throw notFound('Appointment');
  return appointment;
}

function reasonNotChangeable(appointment: Appointment, now: number): string {
  if (appointment.status === 'cancelled') return 'The appointment is cancelled';
  if (appointment.startsAt <= now) return 'The appointment is in the past';
  return 'Appointments can only be changed until 24 hours before they start';
}

function reschedule(ctx: RequestContext) {
  const body = isPlainObject(ctx.body) ? ctx.body : {};
  const { ref } = availabilityFrom(ctx, body);
  const errors = [];
  if (!ref.appointmentId) {
    errors.push({
      field: 'availability_id',
      message: 'does not name an appointment (use /appointments/{id}/availabilities)',
    });
  }
  if (body.patient_id === undefined || body.patient_id === null || body.patient_id === '') {
    errors.push({ field: 'patient_id', message: "can't be blank" });
  } else if (body.patient_id !== patientId(ctx)) {
    errors.push({ field: 'patient_id', message: 'does not match the signed-in patient' });
  }
  if (errors.length) throw validationFailed(errors);
  const appointment = ownAppointment(ctx, ref.appointmentId);
  if (!isChangeable(appointment, ctx.now)) {
    throw new ApiError(422, reasonNotChangeable(appointment, ctx.now), 'not_reschedulable');
  }
  // Critical section: no await from here on.
  if (!slotIsFree(ref, ctx.now, ctx.deps.state.takenSlots())) throw availabilityTaken();
  const duration = appointment.endsAt - appointment.startsAt;
  appointment.startsAt = ref.startsAt;
  appointment.endsAt = ref.startsAt + duration;
  appointment.locationId = ref.locationId;
  if (body.notify_with !== undefined) appointment.notifyWith = body.notify_with;
  return ok(appointmentJson(appointment, ctx.now));
}

export const appointmentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/appointments',
    access: read,
    handler: (ctx) => {
      const { page, perPage } = paging(ctx.query);
      const status = ctx.query.get('status');
      if (status !== null && status !== '' && status !== 'upcoming' && status !== 'past') {
        throw badRequest('status', 'must be upcoming or past');
      }
      const { upcoming, past } = split(ctx.deps.state.appointmentsOf(patientId(ctx)), ctx.now);
      const chosen =
        status === 'upcoming' ? upcoming : status === 'past' ? past : [...upcoming, ...past];
      return list(
        chosen.map((a) => appointmentJson(a, ctx.now)),
        page,
        perPage,
      );
    },
  },
  {
    method: 'GET',
    pattern: '/appointments/overview',
    access: read,
    handler: (ctx) => {
      const { upcoming, past } = split(ctx.deps.state.appointmentsOf(patientId(ctx)), ctx.now);
      const next = upcoming.find((a) => a.status === 'confirmed');
      return ok({
        upcoming_count: upcoming.length,
        past_count: past.length,
        next_appointment: next ? appointmentJson(next, ctx.now) : null,
      });
    },
  },
  {
    method: 'GET',
    pattern: '/appointments/:id',
    access: read,
    handler: (ctx) => ok(appointmentJson(ownAppointment(ctx, ctx.params.id), ctx.now)),
  },
  {
    method: 'POST',
    pattern: '/appointments/:id/cancel',
    access: write,
    handler: (ctx) => {
      const appointment = ownAppointment(ctx, ctx.params.id);
      if (!isChangeable(appointment, ctx.now)) {
        throw new ApiError(422, reasonNotChangeable(appointment, ctx.now), 'not_cancelable');
      }
      appointment.status = 'cancelled';
      return ok({ id: appointment.id });
    },
  },
  { method: 'POST', pattern: '/reschedule', access: write, handler: reschedule },
];
