/** Internal records of the sandbox (not the API shapes; see api/serialize.ts for those). */
import type { Address } from './seed/catalogue.js';

export type Gender = 'm' | 'f' | 'd';

export interface Patient {
  /** UUID; also the OIDC `sub` and the `patient_id` of appointments. */
  id: string;
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  phone: string;
  mobile: string;
  gender: Gender;
  /** OIDC-style gender claim for userinfo. */
  genderClaim: 'female' | 'male' | 'diverse';
  address: Address;
  insuranceId: number;
}

/** The booking request's `patient_data`, as sent (validated). */
export type PatientData = Record<string, unknown>;

export type AppointmentStatus = 'confirmed' | 'cancelled';

export interface Appointment {
  id: string;
  patientId: string | null;
  typeId: number;
  /** null for video appointments without a location. */
  locationId: number | null;
  startsAt: number;
  endsAt: number;
  status: AppointmentStatus;
  insuranceId: number | null;
  asapEmail: string | null;
  /** How it came to be: seed data or a POST /booking. */
  source: 'seed' | 'booking';
  createdAt: number;
  clientId: string | null;
  patientData: PatientData | null;
  notifyWith: unknown;
  structuredComment: unknown;
}
