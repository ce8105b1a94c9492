/**
 * The patient's data as the booking and rescheduling endpoints send it. Apart from
 * `portal-util.ts`, which the first step's endpoints use too: only the steps after it need these.
 */
import type { PatientData } from './types.js';

/** Fields that `notify_with` mirrors (the guide's booking example). */
const NOTIFY_FIELDS = [
  'title',
  'first_name',
  'last_name',
  'gender',
  'born_on',
  'email',
  'mobile',
  'insurance',
] as const;

/** The patient data without empty fields (an empty optional field is "not given", not invalid). */
export function patientData(patient: PatientData): PatientData {
  const out: PatientData = {};
  for (const [key, value] of Object.entries(patient) as [keyof PatientData, unknown][]) {
    if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '')) {
      Object.assign(out, { [key]: value });
    }
  }
  return out;
}

export function notifyWith(patient: PatientData): Record<string, string> {
  const data = patientData(patient);
  const out: Record<string, string> = {};
  for (const key of NOTIFY_FIELDS) {
    const value = data[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The booking's `structured_comment`: the patient's note to the practice under `note`, or the
 * empty object the guide sends. The note is patient data: it goes to the portal and nowhere else.
 */
export function structuredComment(note: string | undefined): { note?: string } {
  const text = note?.trim();
  return text ? { note: text } : {};
}
