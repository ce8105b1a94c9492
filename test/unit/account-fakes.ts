/** Test doubles for the account controller: an in-memory patient portal and catalogue. */
import { ApiError } from '../../src/api/errors.js';
import type { PatientPortal } from '../../src/api/portal.js';
import type { Appointment, Availability, UserProfile } from '../../src/api/types.js';
import type { UserSession } from '../../src/auth/session.js';
import type { BookingApi } from '../../src/booking/booking-api.js';

export const at = (iso: string) => new Date(iso);
export const appointment = (id: string, over: Partial<Appointment> = {}): Appointment => ({
  id,
  patientId: 'p1',
  startsAt: at('2026-07-01T08:00:00Z'),
  endsAt: at('2026-07-01T08:30:00Z'),
  status: 'confirmed',
  type: { id: '201', name: 'Check-up' },
  video: false,
  cancelable: true,
  reschedulable: true,
  asapSubscription: null,
  ...over,
});
export const slot: Availability = {
  id: 'av+/=',
  startsAt: at('2026-06-20T09:00:00Z'),
  endsAt: at('2026-06-20T09:30:00Z'),
};
export const profile: UserProfile = {
  sub: 'p1',
  givenName: 'Erika',
  familyName: 'Mustermann',
  email: 'erika@example.com',
};

export function fakePortal() {
  const calls: string[] = [];
  const store = new Map([['a1', appointment('a1')]]);
  let failNext: ApiError | null = null;
  const maybeFail = () => {
    const e = failNext;
    failNext = null;
    if (e) throw e;
  };
  const api = {
    userinfo: async () => profile,
    overview: async () => ({ upcomingCount: 1, pastCount: 0, next: store.get('a1')! }),
    appointments: async (q: { page?: number }) => {
      calls.push(`list:${q.page}`);
      return { items: [...store.values()], hasMore: false };
    },
    appointment: async (id: string) => {
      const found = store.get(id);
      if (!found) throw new ApiError('no such appointment', 'not_found', 404);
      return found;
    },
    cancel: async (id: string, key: string) => {
      calls.push(`cancel:${id}:${key}`);
      maybeFail();
      store.set(id, { ...store.get(id)!, status: 'cancelled', cancelable: false });
      return id;
    },
    appointmentAvailabilities: async () => [slot],
    reschedule: async (input: { availabilityId: string; patientId: string }) => {
      calls.push(`reschedule:${input.availabilityId}:${input.patientId}`);
      maybeFail();
      const moved = { ...store.get('a1')!, startsAt: slot.startsAt, endsAt: slot.endsAt };
      store.set('a1', moved);
      return moved;
    },
    asapAvailability: async (id: string) => ({ appointment: store.get(id)!, availability: slot }),
    subscribeAsap: async (id: string) => id,
    unsubscribeAsap: async (id: string) => id,
    videoAccess: async () => ({ url: 'https://portal.example/video/abc' }),
  };
  return {
    api: api as unknown as PatientPortal,
    calls,
    failWith: (e: ApiError) => (failNext = e),
  };
}

export const catalogueApi = {
  institutions: async () => [{ id: '1', name: 'Praxis', timeZone: 'Europe/Berlin' }],
  locations: async () => [],
  type: async (id: string) => ({
    id,
    name: 'Check-up',
    categoryId: 'c',
    durationMinutes: 30,
    asapEnabled: true,
    video: false,
    locationIds: [],
    requiredFields: [],
  }),
} as unknown as BookingApi;

/** A session that signs in at once (the popup and the login code are not involved). */
export function fakeSession(): UserSession {
  let signedIn = false;
  return {
    get signedIn() {
      return signedIn;
    },
    signIn: async () => {
      signedIn = true;
    },
    signOut: () => (signedIn = false),
  } as unknown as UserSession;
}
