/** Validation of booking input: patient_data against the type's required fields, emails, dates. */
import type { FieldError } from '../envelopes.js';
import { isPlainObject } from '../http-utils.js';
import type { Patient, PatientData } from '../model.js';
import { INSURANCES, type AppointmentType, type Insurance } from '../seed/catalogue.js';
import { localDay, parseDay } from '../time.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{3,30}$/;
const STRING_FIELDS = [
  'first_name',
  'last_name',
  'title',
  'mobile',
  'phone',
  'email',
  'gender',
  'born_on',
] as const;

export const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export function checkEmail(value: unknown, field: string, errors: FieldError[]): void {
  if (blank(value)) errors.push({ field, message: "can't be blank" });
  else if (typeof value !== 'string' || !EMAIL.test(value.trim()))
    errors.push({ field, message: 'is invalid' });
}

/** Matches an insurance by id, short name or name (the guide sends e.g. "TK"). */
export function resolveInsurance(value: unknown): Insurance | undefined {
  if (typeof value === 'number') return INSURANCES.find((i) => i.id === value);
  if (typeof value !== 'string') return undefined;
  const wanted = value.trim().toLowerCase();
  return INSURANCES.find(
    (i) =>
      String(i.id) === wanted ||
      i.short_name.toLowerCase() === wanted ||
      i.name.toLowerCase() === wanted,
  );
}

/** The patient's own data fills what a logged-in booking leaves out. */
export function profileDefaults(patient: Patient): PatientData {
  return {
    first_name: patient.givenName,
    last_name: patient.familyName,
    email: patient.email,
    born_on: patient.birthdate,
    gender: patient.gender,
    mobile: patient.mobile,
    phone: patient.phone,
    insurance: patient.insuranceId,
  };
}

export interface PatientDataResult {
  errors: FieldError[];
  data: PatientData;
  insurance?: Insurance;
}

export function validatePatientData(
  raw: unknown,
  type: AppointmentType,
  now: number,
  defaults: PatientData = {},
): PatientDataResult {
  const errors: FieldError[] = [];
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
    return { errors: [{ field: 'patient_data', message: 'must be an object' }], data: {} };
  }
  const given = isPlainObject(raw) ? raw : {};
  const data: PatientData = { ...defaults };
  for (const [key, value] of Object.entries(given)) if (!blank(value)) data[key] = value;
  const field = (name: string): string => `patient_data.${name}`;

  for (const name of type.required_patient_fields) {
    if (blank(data[name])) errors.push({ field: field(name), message: "can't be blank" });
  }
  for (const name of STRING_FIELDS) {
    const value = data[name];
    if (!blank(value) && typeof value !== 'string')
      errors.push({ field: field(name), message: 'must be a string' });
  }
  const bad = (name: string): boolean => errors.some((e) => e.field === field(name));

  if (!blank(data.email) && !bad('email')) checkEmail(data.email, field('email'), errors);
  for (const name of ['mobile', 'phone']) {
    const value = data[name];
    if (typeof value === 'string' && !blank(value) && !PHONE.test(value.trim()))
      errors.push({ field: field(name), message: 'is invalid' });
  }
  if (typeof data.gender === 'string' && !['m', 'f', 'd'].includes(data.gender)) {
    errors.push({ field: field('gender'), message: 'is not included in the list (m, f, d)' });
  }
  if (typeof data.born_on === 'string') {
    const day = parseDay(data.born_on);
    if (day === null)
      errors.push({
        field: field('born_on'),
        message: 'is not a valid date (expected YYYY-MM-DD)',
      });
    else if (day >= localDay(now))
      errors.push({ field: field('born_on'), message: 'must be in the past' });
  }
  if (data.accepts_email !== undefined && typeof data.accepts_email !== 'boolean') {
    errors.push({ field: field('accepts_email'), message: 'must be true or false' });
  }

  let insurance: Insurance | undefined;
  if (!blank(data.insurance)) {
    // Free text the portal does not know is kept as given; a known insurance must fit the type.
    insurance = resolveInsurance(data.insurance);
    if (insurance && !type.kinds.includes(insurance.kind)) {
      errors.push({
        field: field('insurance'),
        message: 'is not accepted for this appointment type',
      });
    }
  }
  return { errors, data, ...(insurance ? { insurance } : {}) };
}
