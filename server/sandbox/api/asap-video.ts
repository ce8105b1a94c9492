/** ASAP-list subscription (PUT/DELETE) and video consultation access. */
import { ApiError, notFound, ok, validationFailed, type FieldError } from '../envelopes.js';
import { isPlainObject } from '../http-utils.js';
import type { Appointment } from '../model.js';
import { findType } from '../seed/catalogue.js';
import { asapNotEnabled } from './booking.js';
import { patientId, type RequestContext, type Route } from './context.js';
import { blank, checkEmail } from './validation.js';

const read = { kind: 'user', scope: 'appointment_read' } as const;
const write = { kind: 'user', scope: 'appointment_write' } as const;

/** Video links stay valid until 30 minutes after the consultation ends. */
const VIDEO_GRACE_MS = 30 * 60 * 1000;

function ownAppointment(ctx: RequestContext, id: unknown): Appointment {
  const appointment =
    typeof id === 'string' ? ctx.deps.state.appointmentOf(patientId(ctx), id) : undefined;
  if (!appointment) throw notFound('Appointment');
  return appointment;
}

export const asapVideoRoutes: Route[] = [
  {
    method: 'PUT',
    pattern: '/appointments/:id/asap_list_subscription',
    access: write,
    handler: (ctx) => {
      const appointment = ownAppointment(ctx, ctx.params.id);
      if (!findType(appointment.typeId)?.asap_notifications_enabled) throw asapNotEnabled();
      const body = isPlainObject(ctx.body) ? ctx.body : {};
      const optIn = isPlainObject(body.asap_list_opt_in) ? body.asap_list_opt_in : undefined;
      const errors: FieldError[] = [];
      checkEmail(optIn?.email, 'asap_list_opt_in.email', errors);
      if (errors.length) throw validationFailed(errors);
      appointment.asapEmail = String(optIn?.email).trim();
      return ok({ id: appointment.id });
    },
  },
  {
    method: 'DELETE',
    pattern: '/appointments/:id/asap_list_subscription',
    access: write,
    handler: (ctx) => {
      const appointment = ownAppointment(ctx, ctx.params.id);
      appointment.asapEmail = null;
      return ok({ id: appointment.id });
    },
  },
  {
    method: 'POST',
    pattern: '/video_consultations_patient_accesses',
    access: read,
    handler: (ctx) => {
      const body = isPlainObject(ctx.body) ? ctx.body : {};
      if (blank(body.appointment_id))
        throw validationFailed([{ field: 'appointment_id', message: "can't be blank" }]);
      const appointment = ownAppointment(ctx, body.appointment_id);
      if (!findType(appointment.typeId)?.video_consultation) {
        throw new ApiError(
          422,
          'This appointment is not a video consultation',
          'not_video_consultation',
          [{ field: 'appointment_id', message: 'is not a video consultation' }],
        );
      }
      if (appointment.status === 'cancelled') {
        throw new ApiError(422, 'This appointment is cancelled', 'appointment_cancelled', [
          { field: 'appointment_id', message: 'is cancelled' },
        ]);
      }
      const expiresAt = Math.max(appointment.endsAt, ctx.now) + VIDEO_GRACE_MS;
      const token = ctx.deps.state.newVideoToken({ appointmentId: appointment.id, expiresAt });
      return ok({
        url: `${ctx.deps.issuer}/video/${token}`,
        expires_at: new Date(expiresAt).toISOString(),
      });
    },
  },
];
