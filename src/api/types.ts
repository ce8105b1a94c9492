/**
 * View models: what components see. The API layer decodes the portal's JSON into these
 * (tolerantly: unknown fields ignored, missing optional fields absent); nothing else sees raw JSON.
 * Ids are strings everywhere (the portal mixes numbers and strings; attributes are strings).
 * Instants are `Date`s, parsed from ISO 8601, never sliced.
 */

export const INSURANCE_KINDS = ['public', 'private', 'self_pay'] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];

export interface Address {
  street?: string;
  locality?: string;
  postalCode?: string;
  country?: string;
}

export interface Insurance {
  id: string;
  name: string;
  shortName?: string;
  kind: InsuranceKind;
}

export interface Institution {
  id: string;
  name: string;
  /** IANA zone, e.g. Europe/Berlin; every time the widget shows is in this zone. */
  timeZone: string;
  address?: Address;
  phone?: string;
  website?: string;
}

export interface Location {
  id: string;
  institutionId?: string;
  name: string;
  address?: Address;
}

export interface Category {
  id: string;
  name: string;
  description?: string;
  institutionId?: string;
}

/** Patient fields the portal knows, by their API names (`patient_data.*`). */
export const PATIENT_FIELDS = [
  'title',
  'first_name',
  'last_name',
  'gender',
  'born_on',
  'email',
  'mobile',
  'phone',
  'insurance',
  'accepts_email',
] as const;
export type PatientField = (typeof PATIENT_FIELDS)[number];

export interface AppointmentType {
  id: string;
  name: string;
  description?: string;
  categoryId: string;
  durationMinutes: number;
  asapEnabled: boolean;
  video: boolean;
  locationIds: string[];
  requiredFields: PatientField[];
}

export interface Availability {
  /** Opaque and signed; may contain `+ / = _ -`. Never parse it. */
  id: string;
  startsAt: Date;
  endsAt: Date;
  locationId?: string;
}

export const APPOINTMENT_STATUSES = ['confirmed', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface Appointment {
  id: string;
  patientId?: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  type: { id: string; name: string };
  category?: { id: string; name: string };
  location?: Location;
  insuranceId?: string;
  video: boolean;
  cancelable: boolean;
  reschedulable: boolean;
  asapSubscription: { email: string } | null;
}

export interface AppointmentsOverview {
  upcomingCount: number;
  pastCount: number;
  next: Appointment | null;
}

export interface AsapOffer {
  appointment: Appointment;
  availability: Availability | null;
}

export interface VideoAccess {
  url: string;
  expiresAt?: Date;
}

/** What the patient typed; keys are the API's `patient_data` names. */
export type PatientData = Partial<Record<Exclude<PatientField, 'accepts_email'>, string>> & {
  accepts_email?: boolean;
};

export interface UserProfile {
  sub: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  birthdate?: string;
  phone?: string;
  gender?: string;
}

/** A field-level message from a 400/422, keyed like `patient_data.email`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
  totalCount?: number;
}
