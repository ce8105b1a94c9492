/**
 * Endpoints that a guest token may use: the catalogue, availabilities, and booking.
 * Every function takes the caller's AbortSignal last.
 */
import type { HttpClient } from './http.js';
import {
  decodeAppointment,
  decodeAppointmentType,
  decodeAvailability,
  decodeCategory,
  decodeInstitution,
  decodeLocation,
  one,
} from './decode.js';
import type { Decoder } from './decode.js';
import { firstStepEndpoints } from './portal-practice.js';
import { notifyWith, patientData, structuredComment } from './patient-data.js';
import { listAll, seg } from './portal-util.js';
import type {
  Appointment,
  AppointmentType,
  Availability,
  Category,
  Institution,
  Insurance,
  Location,
  PatientData,
} from './types.js';
import { windowsFrom } from '../time/calendar.js';
import type { PlainDate } from '../time/calendar.js';

export interface AvailabilityQuery {
  categoryId?: string;
  insuranceId?: string;
  /** Both inclusive, in the institution's time zone; at most 31 days apart. */
  from: PlainDate;
  to: PlainDate;
}

export interface FirstAvailableQuery {
  categoryId?: string;
  insuranceId?: string;
  from: PlainDate;
  /** How far to search from `from`, default 186 (about six months). */
  maxDays?: number;
}

export interface FirstAvailable {
  availability: Availability | null;
  /** Last day searched (inclusive): "nothing until …" when `availability` is null. */
  searchedUntil: PlainDate;
}

export interface BookingInput {
  availabilityId: string;
  patient: PatientData;
  /** Opt in to the ASAP list (earlier-slot emails) with this address. */
  asapEmail?: string;
  /** One per booking intent (not per attempt), so a retried POST books once. */
  idempotencyKey: string;
  /** The patient's optional note to the practice (patient data: never logged). */
  note?: string;
  /** A guest's solved proof-of-work challenge (`X-Booking-Proof`, see `booking-proof.ts`). */
  proof?: string;
}

export interface CataloguePortal {
  insurances(signal: AbortSignal): Promise<Insurance[]>;
  institutions(signal: AbortSignal): Promise<Institution[]>;
  institution(id: string, signal: AbortSignal): Promise<Institution>;
  locations(signal: AbortSignal): Promise<Location[]>;
  categories(query: { insuranceId?: string }, signal: AbortSignal): Promise<Category[]>;
  types(
    query: { categoryId?: string; insuranceId?: string },
    signal: AbortSignal,
  ): Promise<AppointmentType[]>;
  type(id: string, signal: AbortSignal): Promise<AppointmentType>;
  availabilities(
    typeId: string,
    query: AvailabilityQuery,
    signal: AbortSignal,
  ): Promise<Availability[]>;
  firstAvailable(
    typeId: string,
    query: FirstAvailableQuery,
    signal: AbortSignal,
  ): Promise<FirstAvailable>;
  book(input: BookingInput, signal: AbortSignal): Promise<Appointment>;
}

export function catalogueEndpoints(http: HttpClient): CataloguePortal {
  const get = <T>(path: string, decoder: Decoder<T>, signal: AbortSignal) =>
    http.request('GET', path, { signal, decode: one(decoder) });

  const availabilities: CataloguePortal['availabilities'] = (typeId, q, signal) =>
    listAll(
      http,
      `/appointment_types/${seg(typeId)}/availabilities`,
      {
        appointment_category_id: q.categoryId,
        insurance_id: q.insuranceId,
        from: q.from,
        to: q.to,
      },
      decodeAvailability,
      signal,
    );

  return {
    ...firstStepEndpoints(http),
    institution: (id, signal) => get(`/institutions/${seg(id)}`, decodeInstitution, signal),
    locations: (signal) => listAll(http, '/locations', {}, decodeLocation, signal),
    categories: (q, signal) =>
      listAll(
        http,
        '/appointment_categories',
        { insurance_id: q.insuranceId },
        decodeCategory,
        signal,
      ),
    types: (q, signal) =>
      listAll(
        http,
        '/appointment_types',
        { appointment_category_id: q.categoryId, insurance_id: q.insuranceId },
        decodeAppointmentType,
        signal,
      ),
    type: (id, signal) => get(`/appointment_types/${seg(id)}`, decodeAppointmentType, signal),
    availabilities,
    async firstAvailable(typeId, q, signal) {
      const windows = windowsFrom(q.from, q.maxDays ?? 186);
      let searchedUntil = q.from;
      // One window after the other: most searches end in the first, and the rate limit is shared.
      for (const window of windows) {
        const found = await availabilities(typeId, { ...q, ...window }, signal);
        searchedUntil = window.to;
        const first = found.reduce<Availability | null>(
          (best, a) => (best === null || a.startsAt < best.startsAt ? a : best),
          null,
        );
        if (first) return { availability: first, searchedUntil };
      }
      return { availability: null, searchedUntil };
    },
    book: (input, signal) =>
      http.request('POST', '/booking', {
        body: {
          availability_id: input.availabilityId,
          patient_data: patientData(input.patient),
          structured_comment: structuredComment(input.note),
          notify_with: notifyWith(input.patient),
          asap_list_opt_in: input.asapEmail ? { email: input.asapEmail } : undefined,
        },
        idempotencyKey: input.idempotencyKey,
        ...(input.proof ? { headers: { 'X-Booking-Proof': input.proof } } : {}),
        signal,
        decode: one(decodeAppointment),
      }),
  };
}
