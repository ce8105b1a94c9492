/** Internal records → the contract's resource shapes. */
import type { Slot } from '../availability.js';
import type { AvailabilityCodec } from '../availability-ids.js';
import type { Appointment } from '../model.js';
import {
  findCategory,
  findLocation,
  findType,
  type AppointmentType,
  type Category,
  type Location,
} from '../seed/catalogue.js';
import { toZonedIso } from '../time.js';

/** Cancel and reschedule are allowed until 24 h before the start. */
export const CHANGE_DEADLINE_MS = 24 * 60 * 60 * 1000;

export function categoryJson({ kinds: _kinds, ...category }: Category): Omit<Category, 'kinds'> {
  return category;
}

export function typeJson({
  kinds: _kinds,
  schedule: _schedule,
  ...type
}: AppointmentType): Omit<AppointmentType, 'kinds' | 'schedule'> {
  return type;
}

export function availabilityJson(
  slot: Slot,
  codec: AvailabilityCodec,
  appointmentId?: string,
): Record<string, unknown> {
  return {
    id: codec.encode({
      typeId: slot.typeId,
      locationId: slot.locationId,
      startsAt: slot.startsAt,
      ...(appointmentId ? { appointmentId } : {}),
    }),
    starts_at: toZonedIso(slot.startsAt),
    ends_at: toZonedIso(slot.endsAt),
    ...(slot.locationId !== null ? { location_id: slot.locationId } : {}),
  };
}

export function isChangeable(appointment: Appointment, now: number): boolean {
  return appointment.status === 'confirmed' && appointment.startsAt - now > CHANGE_DEADLINE_MS;
}

export function appointmentJson(appointment: Appointment, now: number): Record<string, unknown> {
  const type = findType(appointment.typeId);
  const category = type ? findCategory(type.appointment_category_id) : undefined;
  const location: Location | undefined =
    appointment.locationId !== null ? findLocation(appointment.locationId) : undefined;
  const changeable = isChangeable(appointment, now);
  return {
    id: appointment.id,
    ...(appointment.patientId ? { patient_id: appointment.patientId } : {}),
    starts_at: toZonedIso(appointment.startsAt),
    ends_at: toZonedIso(appointment.endsAt),
    status: appointment.status,
    appointment_type: { id: appointment.typeId, name: type?.name ?? '' },
    appointment_category: { id: category?.id ?? 0, name: category?.name ?? '' },
    ...(location ? { location } : {}),
    ...(appointment.insuranceId !== null ? { insurance_id: appointment.insuranceId } : {}),
    video_consultation: type?.video_consultation ?? false,
    cancelable: changeable,
    reschedulable: changeable,
    asap_list_subscription: appointment.asapEmail ? { email: appointment.asapEmail } : null,
  };
}
