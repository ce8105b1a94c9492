/**
 * Test doubles for the booking flow: an in-memory BookingApi that records every call (with its
 * AbortSignal) and can be scripted per method, and a promise the test settles by hand.
 */
import type { Appointment, AppointmentType, Availability } from '../../src/api/types.js';
import type { BookingApi } from '../../src/booking/booking-api.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Never answers; rejects when its signal aborts, as fetch does. */
export function untilAborted<T>(signal: AbortSignal): Promise<T> {
  return new Promise<T>((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export const appointmentType = (id: string, categoryId = 'c1'): AppointmentType => ({
  id,
  name: `Type ${id}`,
  categoryId,
  durationMinutes: 30,
  asapEnabled: true,
  video: false,
  locationIds: [],
  requiredFields: [],
});

export const availability = (id: string, iso = '2026-03-12T09:00:00Z'): Availability => ({
  id,
  startsAt: new Date(iso),
  endsAt: new Date(new Date(iso).getTime() + 30 * 60_000),
});

export const bookedAppointment: Appointment = {
  id: 'ap1',
  startsAt: new Date('2026-03-12T09:00:00Z'),
  endsAt: new Date('2026-03-12T09:30:00Z'),
  status: 'confirmed',
  type: { id: 't1', name: 'Type t1' },
  video: false,
  cancelable: true,
  reschedulable: true,
  asapSubscription: null,
};

type Method = keyof BookingApi;

export interface ApiCall {
  method: Method;
  /** The arguments before the signal. */
  args: unknown[];
  signal: AbortSignal;
}

/**
 * A catalogue with one of each (but two insurances, so the first screen asks): insurance i1 (and
 * i2), category c1, type t1, a practice in Berlin.
 */
const DEFAULTS: BookingApi = {
  insurances: async () => [
    { id: 'i1', name: 'AOK', kind: 'public' },
    { id: 'i2', name: 'TK', kind: 'public' },
  ],
  institutions: async () => [{ id: 'inst', name: 'Praxis', timeZone: 'Europe/Berlin' }],
  locations: async () => [{ id: 'l1', name: 'Main street' }],
  categories: async () => [{ id: 'c1', name: 'Check-ups' }],
  types: async (q) => [appointmentType('t1', q.categoryId)],
  type: async (id) => appointmentType(id),
  availabilities: async () => [availability('av1')],
  firstAvailable: async (_typeId, q) => ({ availability: null, searchedUntil: q.from }),
  book: async () => bookedAppointment,
};

export interface FakeBookingApi {
  api: BookingApi;
  calls: ApiCall[];
  /** How often `method` was called. */
  count: (method: Method) => number;
  /** The calls of `method`, in order. */
  of: (method: Method) => ApiCall[];
}

export function fakeBookingApi(overrides: Partial<BookingApi> = {}): FakeBookingApi {
  const calls: ApiCall[] = [];
  const impl: BookingApi = { ...DEFAULTS, ...overrides };
  const api = {} as Record<Method, unknown>;
  for (const method of Object.keys(DEFAULTS) as Method[]) {
    api[method] = (...args: unknown[]) => {
      calls.push({ method, args: args.slice(0, -1), signal: args.at(-1) as AbortSignal });
      return (impl[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  const of = (method: Method) => calls.filter((c) => c.method === method);
  return { api: api as BookingApi, calls, count: (method) => of(method).length, of };
}
