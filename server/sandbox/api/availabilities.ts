/**
 * Availabilities: of a type (basic; from/to required), of an appointment for rescheduling
 * (appointment_read; ids name the appointment) and the ASAP "earlier slot" of an appointment.
 */
import { listSlots } from '../availability.js';
import { notFound, ok, wholeList } from '../envelopes.js';
import { findType } from '../seed/catalogue.js';
import { localDay } from '../time.js';
import { categoryFilter, insuranceFilter, typeOffered } from './catalogue.js';
import { patientId, type RequestContext, type Route } from './context.js';
import { dateRange, pathId } from './params.js';
import { appointmentJson, availabilityJson, isChangeable } from './serialize.js';

function ownAppointment(ctx: RequestContext) {
  const appointment = ctx.deps.state.appointmentOf(patientId(ctx), ctx.params.id ?? '');
  if (!appointment) throw notFound('Appointment');
  return appointment;
}

export const availabilityRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/appointment_types/:id/availabilities',
    access: { kind: 'basic' },
    handler: (ctx) => {
      const type = findType(pathId(ctx.params.id, 'Appointment type'));
      if (!type) throw notFound('Appointment type');
      const category = categoryFilter(ctx.query);
      const insurance = insuranceFilter(ctx.query);
      const { fromDay, toDay } = dateRange(ctx.query, true, ctx.now);
      if (!typeOffered(type, category, insurance)) return wholeList([]);
      const slots = listSlots({
        type,
        fromDay,
        toDay,
        now: ctx.now,
        taken: ctx.deps.state.takenSlots(),
        seed: ctx.deps.seedNumber,
      });
      return wholeList(slots.map((slot) => availabilityJson(slot, ctx.deps.codec)));
    },
  },
  {
    method: 'GET',
    pattern: '/appointments/:id/availabilities',
    access: { kind: 'user', scope: 'appointment_read' },
    handler: (ctx) => {
      const appointment = ownAppointment(ctx);
      const { fromDay, toDay } = dateRange(ctx.query, false, ctx.now);
      const type = findType(appointment.typeId);
      if (!type) return wholeList([]);
      const slots = listSlots({
        type,
        fromDay,
        toDay,
        now: ctx.now,
        taken: ctx.deps.state.takenSlots(),
        seed: ctx.deps.seedNumber,
      });
      return wholeList(slots.map((slot) => availabilityJson(slot, ctx.deps.codec, appointment.id)));
    },
  },
  {
    method: 'GET',
    pattern: '/appointments/:id/asap_availability',
    access: { kind: 'user', scope: 'appointment_read' },
    handler: (ctx) => {
      const appointment = ownAppointment(ctx);
      const type = findType(appointment.typeId);
      let availability: Record<string, unknown> | null = null;
      if (type && isChangeable(appointment, ctx.now)) {
        const [first] = listSlots({
          type,
          fromDay: localDay(ctx.now),
          toDay: localDay(appointment.startsAt),
          now: ctx.now,
          taken: ctx.deps.state.takenSlots(),
          seed: ctx.deps.seedNumber,
          limit: 1,
        });
        if (first && first.startsAt < appointment.startsAt)
          availability = availabilityJson(first, ctx.deps.codec, appointment.id);
      }
      return ok({ appointment: appointmentJson(appointment, ctx.now), availability });
    },
  },
];
