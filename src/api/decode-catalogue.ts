/**
 * Decoders of the public catalogue (insurances → availabilities) into view models.
 * Required: what identifies a record and what booking cannot do without; the rest is optional.
 * The first step's (insurances, institutions) are in `decode-first.ts`, re-exported here.
 */
import { PATIENT_FIELDS } from './types.js';
import type { AppointmentType, Availability, Category, Location, PatientField } from './types.js';
import { bool, id, idList, object, optId, optNumber, optString, optional, string } from './json.js';
import { date } from './json-dates.js';
import { decodeAddress, stripUndefined } from './decode-practice.js';

export {
  DEFAULT_TIME_ZONE,
  FALLBACK_INSURANCE_KIND,
  decodeAddress,
  decodeInstitution,
  decodeInsurance,
  stripUndefined,
} from './decode-practice.js';

export function decodeLocation(json: unknown): Location {
  const o = object(json, 'location');
  return stripUndefined({
    id: id(o, 'id'),
    institutionId: optId(o, 'institution_id'),
    name: string(o, 'name'),
    address: optional(o.address, decodeAddress),
  });
}

export function decodeCategory(json: unknown): Category {
  const o = object(json, 'appointment category');
  return stripUndefined({
    id: id(o, 'id'),
    name: string(o, 'name'),
    description: optString(o, 'description'),
    institutionId: optId(o, 'institution_id'),
  });
}

function patientFields(value: unknown): PatientField[] {
  if (!Array.isArray(value)) return [];
  const known = new Set<string>(PATIENT_FIELDS);
  const fields = value.filter((f): f is PatientField => typeof f === 'string' && known.has(f));
  return [...new Set(fields)];
}

export function decodeAppointmentType(json: unknown): AppointmentType {
  const o = object(json, 'appointment type');
  return stripUndefined({
    id: id(o, 'id'),
    name: string(o, 'name'),
    description: optString(o, 'description'),
    categoryId: id(o, 'appointment_category_id'),
    // 0 = unknown: views leave the duration out.
    durationMinutes: Math.max(0, Math.round(optNumber(o, 'duration_minutes') ?? 0)),
    asapEnabled: bool(o, 'asap_notifications_enabled'),
    video: bool(o, 'video_consultation'),
    locationIds: idList(o.location_ids),
    requiredFields: patientFields(o.required_patient_fields),
  });
}

export function decodeAvailability(json: unknown): Availability {
  const o = object(json, 'availability');
  return stripUndefined({
    id: id(o, 'id'),
    startsAt: date(o, 'starts_at'),
    endsAt: date(o, 'ends_at'),
    locationId: optId(o, 'location_id'),
  });
}
