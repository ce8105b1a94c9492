/**
 * The fictitious practice "Praxis am Stadtpark" (Berlin): institution, locations, insurances,
 * categories and appointment types. Static, hence deterministic. Names, streets, phone numbers
 * (030 23125 xxx is reserved for fiction) and the .example website are made up.
 *
 * Special appointment types (documented in the sandbox report too):
 * - 200 "Gesundheits-Check-up": booked out, first free slot 38+ days ahead (first-available search across windows)
 * - 202 "Grippeschutzimpfung": very dense, a slot every 5 minutes at three locations (≥ 2,000 per 31 days)
 * - ASAP list enabled: 199, 200, 203, 205
 * - video consultations: 204 (no location), 205 (location 21)
 * - insurance-restricted: 201 (not self-pay), 206 (private + self-pay), 207 (self-pay only); category 57 private + self-pay
 */

export type InsuranceKind = 'public' | 'private' | 'self_pay';

export interface Address {
  street_address: string;
  locality: string;
  postal_code: string;
  country: string;
}

export interface Insurance {
  id: number;
  name: string;
  short_name: string;
  kind: InsuranceKind;
}

export interface Institution {
  id: number;
  name: string;
  time_zone: string;
  address: Address;
  phone: string;
  website: string;
}

export interface Location {
  id: number;
  institution_id: number;
  name: string;
  address: Address;
}

export interface Category {
  id: number;
  name: string;
  description: string;
  institution_id: number;
  /** Internal: insurance kinds this category is offered to. */
  kinds: readonly InsuranceKind[];
}

export type PatientField =
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'born_on'
  | 'mobile'
  | 'phone'
  | 'gender'
  | 'insurance'
  | 'title';

export interface Schedule {
  /** Opening blocks, minutes after local midnight, Mon–Fri. */
  blocks: readonly (readonly [number, number])[];
  /** Minutes between slot starts; default the duration. */
  stepMinutes?: number;
  /** Share of slots deterministically missing (already booked elsewhere). */
  dropRate: number;
  /** First day (from today) with any slot: models a booked-out calendar. */
  firstDayOffset?: number;
}

export interface AppointmentType {
  id: number;
  name: string;
  description: string;
  appointment_category_id: number;
  duration_minutes: number;
  asap_notifications_enabled: boolean;
  video_consultation: boolean;
  location_ids: readonly number[];
  required_patient_fields: readonly PatientField[];
  /** Internal: insurance kinds this type is offered to. */
  kinds: readonly InsuranceKind[];
  /** Internal: how its calendar looks. */
  schedule: Schedule;
}

const ALL: readonly InsuranceKind[] = ['public', 'private', 'self_pay'];
const BASE_FIELDS: readonly PatientField[] = ['first_name', 'last_name', 'email', 'born_on'];
const DAY: Schedule['blocks'] = [
  [8 * 60, 12 * 60],
  [14 * 60, 18 * 60],
];
const MORNING: Schedule['blocks'] = [[8 * 60, 12 * 60]];

const berlin = (street_address: string, postal_code: string): Address => ({
  street_address,
  locality: 'Berlin',
  postal_code,
  country: 'DE',
});

export const INSTITUTION: Institution = {
  id: 12,
  name: 'Praxis am Stadtpark',
  time_zone: 'Europe/Berlin',
  address: berlin('Am Stadtpark 12', '10827'),
  phone: '+49 30 23125 100',
  website: 'https://praxis-am-stadtpark.example',
};

// prettier-ignore
export const LOCATIONS: readonly Location[] = [
  { id: 21, institution_id: 12, name: 'Praxis am Stadtpark – Schöneberg', address: berlin('Am Stadtpark 12', '10827') },
  { id: 22, institution_id: 12, name: 'Praxis am Stadtpark – Mitte', address: berlin('Musterstraße 5', '10115') },
  { id: 23, institution_id: 12, name: 'Impfzentrum Prenzlauer Berg', address: berlin('Beispielallee 3', '10437') },
];

export const INSURANCES: readonly Insurance[] = [
  { id: 101, name: 'AOK Nordost', short_name: 'AOK', kind: 'public' },
  { id: 136, name: 'Techniker Krankenkasse', short_name: 'TK', kind: 'public' },
  { id: 137, name: 'BARMER', short_name: 'Barmer', kind: 'public' },
  { id: 138, name: 'DAK-Gesundheit', short_name: 'DAK', kind: 'public' },
  { id: 139, name: 'IKK classic', short_name: 'IKK', kind: 'public' },
  {
    id: 201,
    name: 'Allianz Private Krankenversicherung',
    short_name: 'Allianz PKV',
    kind: 'private',
  },
  { id: 202, name: 'Debeka Krankenversicherungsverein', short_name: 'Debeka', kind: 'private' },
  { id: 301, name: 'Selbstzahler', short_name: 'Selbstzahler', kind: 'self_pay' },
];

// prettier-ignore
export const CATEGORIES: readonly Category[] = [
  { id: 53, name: 'Allgemeinmedizin', description: 'Sprechstunde bei akuten und chronischen Beschwerden.', institution_id: 12, kinds: ALL },
  { id: 54, name: 'Vorsorge', description: 'Check-up und Früherkennungsuntersuchungen.', institution_id: 12, kinds: ALL },
  { id: 55, name: 'Impfungen', description: 'Standard- und Reiseimpfungen.', institution_id: 12, kinds: ALL },
  { id: 56, name: 'Videosprechstunde', description: 'Beratung per Video, bequem von zu Hause.', institution_id: 12, kinds: ALL },
  { id: 57, name: 'Privatsprechstunde', description: 'Leistungen für Privatversicherte und Selbstzahler.', institution_id: 12, kinds: ['private', 'self_pay'] },
];

// prettier-ignore
export const APPOINTMENT_TYPES: readonly AppointmentType[] = [
  {
    id: 198, name: 'Akutsprechstunde', description: 'Kurzfristiger Termin bei akuten Beschwerden.',
    appointment_category_id: 53, duration_minutes: 15, asap_notifications_enabled: false, video_consultation: false,
    location_ids: [21, 22], required_patient_fields: BASE_FIELDS, kinds: ALL, schedule: { blocks: DAY, dropRate: 0.45 },
  },
  {
    id: 199, name: 'Hausärztliche Beratung', description: 'Ausführliches Gespräch mit Ihrer Hausärztin.',
    appointment_category_id: 53, duration_minutes: 20, asap_notifications_enabled: true, video_consultation: false,
    location_ids: [21], required_patient_fields: [...BASE_FIELDS, 'mobile'], kinds: ALL, schedule: { blocks: DAY, dropRate: 0.6 },
  },
  {
    id: 200, name: 'Gesundheits-Check-up', description: 'Check-up mit Blutbild und Beratung. Lange Wartezeit.',
    appointment_category_id: 54, duration_minutes: 30, asap_notifications_enabled: true, video_consultation: false,
    location_ids: [21], required_patient_fields: [...BASE_FIELDS, 'insurance'], kinds: ALL,
    schedule: { blocks: MORNING, dropRate: 0.5, firstDayOffset: 38 },
  },
  {
    id: 201, name: 'Hautkrebs-Screening', description: 'Untersuchung der Haut auf Auffälligkeiten.',
    appointment_category_id: 54, duration_minutes: 20, asap_notifications_enabled: false, video_consultation: false,
    location_ids: [22], required_patient_fields: BASE_FIELDS, kinds: ['public', 'private'], schedule: { blocks: DAY, dropRate: 0.4 },
  },
  {
    id: 202, name: 'Grippeschutzimpfung', description: 'Saisonale Grippeimpfung, ohne lange Wartezeit.',
    appointment_category_id: 55, duration_minutes: 5, asap_notifications_enabled: false, video_consultation: false,
    location_ids: [21, 22, 23], required_patient_fields: BASE_FIELDS, kinds: ALL,
    schedule: { blocks: DAY, stepMinutes: 5, dropRate: 0.1 },
  },
  {
    id: 203, name: 'Reiseimpfberatung', description: 'Beratung zu Impfungen vor Fernreisen.',
    appointment_category_id: 55, duration_minutes: 30, asap_notifications_enabled: true, video_consultation: false,
    location_ids: [23], required_patient_fields: [...BASE_FIELDS, 'gender'], kinds: ALL, schedule: { blocks: MORNING, dropRate: 0.5 },
  },
  {
    id: 204, name: 'Video-Befundbesprechung', description: 'Besprechung von Laborwerten und Befunden per Video.',
    appointment_category_id: 56, duration_minutes: 15, asap_notifications_enabled: false, video_consultation: true,
    location_ids: [], required_patient_fields: BASE_FIELDS, kinds: ALL, schedule: { blocks: DAY, dropRate: 0.5 },
  },
  {
    id: 205, name: 'Video-Folgerezept', description: 'Folgerezept nach Rücksprache per Video.',
    appointment_category_id: 56, duration_minutes: 10, asap_notifications_enabled: true, video_consultation: true,
    location_ids: [21], required_patient_fields: [...BASE_FIELDS, 'insurance'], kinds: ALL, schedule: { blocks: DAY, dropRate: 0.55 },
  },
  {
    id: 206, name: 'Privatärztliche Vorsorge', description: 'Erweiterte Vorsorgeuntersuchung (Privatleistung).',
    appointment_category_id: 57, duration_minutes: 45, asap_notifications_enabled: false, video_consultation: false,
    location_ids: [21, 22], required_patient_fields: [...BASE_FIELDS, 'mobile', 'gender', 'insurance'],
    kinds: ['private', 'self_pay'], schedule: { blocks: DAY, dropRate: 0.5 },
  },
  {
    id: 207, name: 'Ernährungsberatung', description: 'Individuelle Ernährungsberatung für Selbstzahler.',
    appointment_category_id: 57, duration_minutes: 30, asap_notifications_enabled: false, video_consultation: false,
    location_ids: [22], required_patient_fields: [...BASE_FIELDS, 'phone'], kinds: ['self_pay'], schedule: { blocks: MORNING, dropRate: 0.4 },
  },
];

export const FAR_FIRST_SLOT_TYPE_ID = 200;
export const DENSE_TYPE_ID = 202;

export const findInsurance = (id: number): Insurance | undefined =>
  INSURANCES.find((i) => i.id === id);
export const findCategory = (id: number): Category | undefined =>
  CATEGORIES.find((c) => c.id === id);
export const findType = (id: number): AppointmentType | undefined =>
  APPOINTMENT_TYPES.find((t) => t.id === id);
export const findLocation = (id: number): Location | undefined =>
  LOCATIONS.find((l) => l.id === id);
