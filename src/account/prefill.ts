/**
 * The signed-in patient's OIDC profile (`/oauth/userinfo`) as booking form data, and the booking
 * form filled from it and emptied on signing out.
 */
import type { PatientData, UserProfile } from '../api/types.js';
import type { Booking } from '../booking/booking-model.js';

const GENDERS: Record<string, 'f' | 'm' | 'd'> = {
  female: 'f',
  f: 'f',
  male: 'm',
  m: 'm',
  other: 'd',
  diverse: 'd',
  d: 'd',
};

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Only what the profile says; unknown genders and malformed dates are left for the patient. */
export function profileToPatient(p: UserProfile): PatientData {
  const out: PatientData = {};
  if (p.givenName) out.first_name = p.givenName;
  if (p.familyName) out.last_name = p.familyName;
  if (p.email) out.email = p.email;
  if (p.birthdate && PLAIN_DATE.test(p.birthdate)) out.born_on = p.birthdate;
  if (p.phone) out.mobile = p.phone;
  const gender = p.gender ? GENDERS[p.gender.trim().toLowerCase()] : undefined;
  if (gender) out.gender = gender;
  return out;
}

/** The name the account bar shows. */
export function displayName(p: UserProfile | null): string | undefined {
  if (!p) return undefined;
  const name = [p.givenName, p.familyName].filter(Boolean).join(' ');
  return name || p.email || undefined;
}

/**
 * The signed-in patient's details fill the fields the patient left empty (what they typed wins);
 * they stay editable and come back after "Book another appointment".
 */
export function prefillBooking(booking: Booking, data: PatientData): void {
  const draft: PatientData = { ...booking.draft };
  for (const [key, value] of Object.entries(data) as [keyof PatientData, unknown][]) {
    if (draft[key] === undefined || draft[key] === '') Object.assign(draft, { [key]: value });
  }
  booking.prefill(data, draft);
}

/**
 * The patient signed out: their data leaves the form. (A session that merely expired keeps the
 * draft: this is not called then.)
 */
export function forgetPatient(booking: Booking): void {
  booking.prefill(null, {});
  booking.setPatientInsurance(null);
}
