/** Decoders of the signed-in patient's resources: appointments, ASAP, video, userinfo. */
import type {
  Appointment,
  AppointmentStatus,
  AppointmentsOverview,
  AsapOffer,
  UserProfile,
  VideoAccess,
} from './types.js';
import { decodeAvailability, decodeLocation, stripUndefined } from './decode-catalogue.js';
import {
  badResponse,
  bool,
  id,
  isObject,
  object,
  optId,
  optNumber,
  optString,
  optional,
  string,
} from './json.js';
import { date, optDate } from './json-dates.js';

/** Unknown statuses count as confirmed; whether it may be changed is `cancelable`/`reschedulable`. */
function status(value: unknown): AppointmentStatus {
  return value === 'cancelled' || value === 'canceled' ? 'cancelled' : 'confirmed';
}

function ref(value: unknown, what: string): { id: string; name: string } {
  const o = object(value, what);
  return { id: id(o, 'id'), name: optString(o, 'name') ?? '' };
}

export function decodeAppointment(json: unknown): Appointment {
  const o = object(json, 'appointment');
  const subscription = o.asap_list_subscription;
  const email = isObject(subscription) ? optString(subscription, 'email') : undefined;
  return stripUndefined({
    id: id(o, 'id'),
    patientId: optId(o, 'patient_id'),
    startsAt: date(o, 'starts_at'),
    endsAt: date(o, 'ends_at'),
    status: status(o.status),
    type: ref(o.appointment_type, 'appointment_type'),
    category: optional(o.appointment_category, (c) => ref(c, 'appointment_category')),
    location: optional(o.location, decodeLocation),
    insuranceId: optId(o, 'insurance_id'),
    video: bool(o, 'video_consultation'),
    // Not offering an action is the safe default when the portal does not say.
    cancelable: bool(o, 'cancelable'),
    reschedulable: bool(o, 'reschedulable'),
    asapSubscription: email === undefined ? null : { email },
  });
}

export function decodeOverview(json: unknown): AppointmentsOverview {
  const o = object(json, 'appointments overview');
  const count = (key: string) => Math.max(0, Math.round(optNumber(o, key) ?? 0));
  return {
    upcomingCount: count('upcoming_count'),
    pastCount: count('past_count'),
    next: o.next_appointment == null ? null : decodeAppointment(o.next_appointment),
  };
}

export function decodeAsapOffer(json: unknown): AsapOffer {
  const o = object(json, 'asap availability');
  return {
    appointment: decodeAppointment(o.appointment),
    availability: o.availability == null ? null : decodeAvailability(o.availability),
  };
}

export function decodeVideoAccess(json: unknown): VideoAccess {
  const o = object(json, 'video access');
  const url = string(o, 'url');
  // The widget links to it: only web URLs, never `javascript:` or the like.
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not absolute: refused below
  }
  if (protocol !== 'https:' && protocol !== 'http:')
    throw badResponse('video url is not a web URL');
  return stripUndefined({ url, expiresAt: optDate(o, 'expires_at') });
}

/** `{"data": {"id"}}` answers (cancel, ASAP subscription): the id. */
export function decodeIdRef(json: unknown): string {
  return id(object(json, 'id reference'), 'id');
}

/** OIDC userinfo (not enveloped). */
export function decodeUserProfile(json: unknown): UserProfile {
  const o = object(json, 'userinfo');
  return stripUndefined({
    sub: id(o, 'sub'),
    givenName: optString(o, 'given_name'),
    familyName: optString(o, 'family_name'),
    email: optString(o, 'email'),
    birthdate: optString(o, 'birthdate'),
    phone: optString(o, 'phone_number') ?? optString(o, 'phone'),
    gender: optString(o, 'gender'),
  });
}
