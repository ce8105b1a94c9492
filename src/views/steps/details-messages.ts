/**
 * The details form's messages and values that need reading: a control's problem in the patient's
 * language, the portal's usual English messages translated, the typed date of birth.
 */
import type { FieldError, PatientField } from '../../api/types.js';
import type { Messages } from '../../i18n/messages.js';
import { formatBirthDate, parseBirthDate } from '../../time/birth-date.js';
import { localToday, type PlainDate } from '../../time/calendar.js';

const PREFIX = 'patient_data.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A portal's message for a field ("can't be blank", "is invalid") in the patient's language, where
 * it is one of the usual ones; any other is shown as the portal wrote it.
 */
export function portalFieldMessage(t: Messages, name: PatientField, message: string): string {
  const d = t.details;
  if (/blank|required|missing|empty/i.test(message)) return d.required[name] ?? d.invalid.other;
  if (/too long/i.test(message)) return d.invalid.tooLong;
  if (name === 'born_on' && /past|future/i.test(message)) return d.bornOn.future;
  if (/invalid|format|not valid/i.test(message)) {
    if (name === 'email') return d.invalid.email;
    if (name === 'phone' || name === 'mobile') return d.invalid.phone;
    if (name === 'born_on') return d.bornOn.format;
    return d.invalid.other;
  }
  return message;
}

/** What a typed date of birth is kept as: the plain date once it reads as one, else the text. */
export function bornOnValue(typed: string): string {
  const read = parseBirthDate(typed, localToday());
  return read.ok ? read.date : typed;
}

/** What the date of birth field shows: as typed while that still means `value`, else 01.02.1980. */
export function bornOnShown(value: string, typed: string | undefined): string {
  if (typed !== undefined && bornOnValue(typed) === value) return typed;
  return ISO_DATE.test(value) ? formatBirthDate(value) : value;
}

/** A server error that names no field of the form: "Label: message" where it names a field. */
export function serverErrorText(t: Messages, e: FieldError): string {
  const labels = t.details.labels as Record<string, string>;
  const name = e.field.slice(PREFIX.length);
  const label = e.field.startsWith(PREFIX) ? labels[name] : undefined;
  return label ? `${label}: ${portalFieldMessage(t, name as PatientField, e.message)}` : e.message;
}

/** The localized message for a typed date of birth ('' when it is one). */
export function birthDateMessage(t: Messages, typed: string, today: PlainDate): string {
  const result = parseBirthDate(typed, today);
  return result.ok ? '' : t.details.bornOn[result.problem];
}

/** The localized message for an invalid control, from its validity state ('' when valid). */
export function validityMessage(t: Messages, name: PatientField, validity: ValidityState): string {
  const d = t.details;
  if (validity.valid) return '';
  if (validity.valueMissing) return d.required[name];
  if (name === 'email' && (validity.typeMismatch || validity.patternMismatch)) {
    return d.invalid.email;
  }
  if ((name === 'phone' || name === 'mobile') && validity.patternMismatch) return d.invalid.phone;
  if (validity.tooLong) return d.invalid.tooLong;
  return d.invalid.other;
}
