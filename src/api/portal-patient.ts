/**
 * Endpoints of the signed-in patient (authorization-code token; a guest token gets 403).
 * Every function takes the caller's AbortSignal last.
 */
import type { HttpClient } from './http.js';
import {
  decodeAppointment,
  decodeAsapOffer,
  decodeAvailability,
  decodeIdRef,
  decodeOverview,
  decodeUserProfile,
  decodeVideoAccess,
  list,
  one,
} from './decode.js';
import { newIdempotencyKey } from './idempotency.js';
import { PER_PAGE } from './paging.js';
import { notifyWith } from './patient-data.js';
import { listAll, seg } from './portal-util.js';
import type {
  Appointment,
  AppointmentsOverview,
  AsapOffer,
  Availability,
  Page,
  PatientData,
  UserProfile,
  VideoAccess,
} from './types.js';
import type { PlainDate } from '../time/calendar.js';

/** `upcoming` includes cancelled future appointments; absent lists all. */
export type AppointmentFilter = 'upcoming' | 'past';

export interface RescheduleInput {
  /** From `appointmentAvailabilities`: it names the appointment. */
  availabilityId: string;
  patientId: string;
  idempotencyKey: string;
  /** Who the portal notifies of the new time (e.g. from `userinfo`); mirrored like in booking. */
  notifyWith?: PatientData;
}

export interface PatientPortal {
  /** One page; `perPage` default 100 (the portal's largest). */
  appointments(
    query: { status?: AppointmentFilter; page?: number; perPage?: number },
    signal: AbortSignal,
  ): Promise<Page<Appointment>>;
  allAppointments(
    query: { status?: AppointmentFilter },
    signal: AbortSignal,
  ): Promise<Appointment[]>;
  overview(signal: AbortSignal): Promise<AppointmentsOverview>;
  appointment(id: string, signal: AbortSignal): Promise<Appointment>;
  /** Resolves with the cancelled appointment's id. */
  cancel(id: string, idempotencyKey: string, signal: AbortSignal): Promise<string>;
  /** Both optional; the portal's default is tomorrow to +30 days. */
  appointmentAvailabilities(
    id: string,
    query: { from?: PlainDate; to?: PlainDate },
    signal: AbortSignal,
  ): Promise<Availability[]>;
  reschedule(input: RescheduleInput, signal: AbortSignal): Promise<Appointment>;
  asapAvailability(id: string, signal: AbortSignal): Promise<AsapOffer>;
  /** Resolves with the appointment's id. */
  subscribeAsap(id: string, email: string, signal: AbortSignal): Promise<string>;
  unsubscribeAsap(id: string, signal: AbortSignal): Promise<string>;
  videoAccess(appointmentId: string, signal: AbortSignal): Promise<VideoAccess>;
  userinfo(signal: AbortSignal): Promise<UserProfile>;
}

export function patientEndpoints(
  http: HttpClient,
  options: { userinfoUrl?: string },
): PatientPortal {
  const appointmentPath = (id: string) => `/appointments/${seg(id)}`;

  return {
    appointments: (q, signal) =>
      http.request('GET', '/appointments', {
        query: { status: q.status, page: q.page ?? 1, per_page: q.perPage ?? PER_PAGE },
        signal,
        decode: list(decodeAppointment),
      }),
    allAppointments: (q, signal) =>
      listAll(http, '/appointments', { status: q.status }, decodeAppointment, signal),
    overview: (signal) =>
      http.request('GET', '/appointments/overview', { signal, decode: one(decodeOverview) }),
    appointment: (id, signal) =>
      http.request('GET', appointmentPath(id), { signal, decode: one(decodeAppointment) }),
    cancel: (id, idempotencyKey, signal) =>
      http.request('POST', `${appointmentPath(id)}/cancel`, {
        idempotencyKey,
        signal,
        decode: one(decodeIdRef),
      }),
    appointmentAvailabilities: (id, q, signal) =>
      listAll(
        http,
        `${appointmentPath(id)}/availabilities`,
        { from: q.from, to: q.to },
        decodeAvailability,
        signal,
      ),
    reschedule: (input, signal) =>
      http.request('POST', '/reschedule', {
        body: {
          availability_id: input.availabilityId,
          patient_id: input.patientId,
          notify_with: input.notifyWith ? notifyWith(input.notifyWith) : undefined,
        },
        idempotencyKey: input.idempotencyKey,
        signal,
        decode: one(decodeAppointment),
      }),
    asapAvailability: (id, signal) =>
      http.request('GET', `${appointmentPath(id)}/asap_availability`, {
        signal,
        decode: one(decodeAsapOffer),
      }),
    subscribeAsap: (id, email, signal) =>
      http.request('PUT', `${appointmentPath(id)}/asap_list_subscription`, {
        body: { asap_list_opt_in: { email } },
        signal,
        decode: one(decodeIdRef),
      }),
    unsubscribeAsap: (id, signal) =>
      http.request('DELETE', `${appointmentPath(id)}/asap_list_subscription`, {
        signal,
        decode: one(decodeIdRef),
      }),
    // A read that the portal models as a POST: a fresh key per call makes its retries safe.
    videoAccess: (appointmentId, signal) =>
      http.request('POST', '/video_consultations_patient_accesses', {
        body: { appointment_id: appointmentId },
        idempotencyKey: newIdempotencyKey(),
        signal,
        decode: one(decodeVideoAccess),
      }),
    userinfo: (signal) =>
      http.request('GET', options.userinfoUrl ?? defaultUserinfoUrl(http.baseUrl), {
        absoluteUrl: true,
        signal,
        decode: decodeUserProfile,
      }),
  };
}

/** The portal origin's `/oauth/userinfo` (the API base may be relative to the page). */
function defaultUserinfoUrl(baseUrl: string): string {
  return new URL('/oauth/userinfo', new URL(baseUrl, globalThis.location?.href)).href;
}
