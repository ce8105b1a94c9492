/**
 * Seed appointments, relative to "now" at start/reset. Deterministic for a seed and a day
 * (ids and choices come from the seeded PRNG; only the dates move with the calendar).
 *
 * Demo patient (Erika Mustermann), in this order of ids:
 *  0 within 24 h, type 198 (not cancelable / reschedulable)
 *  1 in ~3 days, type 199 (ASAP enabled, subscribed)
 *  2 in ~6 days, type 204 (video, no location)
 *  3 in ~9 days, type 203 (ASAP enabled, not subscribed)
 *  4 in ~12 days, type 201 (cancelable, no ASAP)
 *  5 in ~16 days, type 198, cancelled
 *  6…29 past ones (some cancelled)
 * Other patient (Jonas Beispiel): two upcoming, one past.
 */
import type { Appointment, Patient } from '../model.js';
import type { Rng } from '../prng.js';
import { APPOINTMENT_TYPES, findType } from './catalogue.js';
import { HOUR_MS, isWeekday, localDay, localToUtc, onOrAfterWeekday } from '../time.js';

interface SeedSpec {
  typeId: number;
  locationId: number | null;
  startsAt: number;
  cancelled?: boolean;
  asap?: boolean;
}

function makeAppointment(rng: Rng, patient: Patient, spec: SeedSpec, now: number): Appointment {
  const type = findType(spec.typeId);
  if (!type) throw new Error(`seed: unknown type ${spec.typeId}`);
  return {
    id: rng.id(28),
    patientId: patient.id,
    typeId: type.id,
    locationId: spec.locationId,
    startsAt: spec.startsAt,
    endsAt: spec.startsAt + type.duration_minutes * 60_000,
    status: spec.cancelled ? 'cancelled' : 'confirmed',
    insuranceId: patient.insuranceId,
    asapEmail: spec.asap ? patient.email : null,
    source: 'seed',
    createdAt: now,
    clientId: null,
    patientData: null,
    notifyWith: null,
    structuredComment: null,
  };
}

const at = (day: number, hour: number, minute = 0): number => localToUtc(day, hour * 60 + minute);

function pastDay(day: number): number {
  let d = day;
  while (!isWeekday(d)) d -= 1;
  return d;
}

export function createSeedAppointments(
  rng: Rng,
  patients: readonly Patient[],
  now: number,
): Appointment[] {
  const [demo, other] = patients;
  const today = localDay(now);
  const soon = Math.ceil((now + 5 * HOUR_MS) / (15 * 60_000)) * 15 * 60_000;
  const upcoming: SeedSpec[] = [
    { typeId: 198, locationId: 21, startsAt: soon },
    { typeId: 199, locationId: 21, startsAt: at(onOrAfterWeekday(today + 3), 9), asap: true },
    { typeId: 204, locationId: null, startsAt: at(onOrAfterWeekday(today + 6), 10, 30) },
    { typeId: 203, locationId: 23, startsAt: at(onOrAfterWeekday(today + 9), 9, 30) },
    { typeId: 201, locationId: 22, startsAt: at(onOrAfterWeekday(today + 12), 15) },
    {
      typeId: 198,
      locationId: 22,
      startsAt: at(onOrAfterWeekday(today + 16), 11),
      cancelled: true,
    },
  ];
  const result = upcoming.map((spec) => makeAppointment(rng, demo, spec, now));

  const pastTypes = APPOINTMENT_TYPES.filter((t) => t.id !== 200 && t.kinds.includes('public'));
  for (let i = 0; i < 24; i += 1) {
    const type = rng.pick(pastTypes);
    const day = pastDay(today - 8 - i * 23 - rng.int(0, 6));
    const steps = Math.floor((4 * 60) / type.duration_minutes);
    const minute = 8 * 60 + rng.int(0, steps - 1) * type.duration_minutes;
    const locationId = type.location_ids.length ? rng.pick(type.location_ids) : null;
    result.push(
      makeAppointment(
        rng,
        demo,
        {
          typeId: type.id,
          locationId,
          startsAt: localToUtc(day, minute),
          cancelled: rng.next() < 0.15,
        },
        now,
      ),
    );
  }

  result.push(
    makeAppointment(
      rng,
      other,
      { typeId: 198, locationId: 21, startsAt: at(onOrAfterWeekday(today + 4), 10) },
      now,
    ),
    makeAppointment(
      rng,
      other,
      { typeId: 206, locationId: 22, startsAt: at(onOrAfterWeekday(today + 20), 14) },
      now,
    ),
    makeAppointment(
      rng,
      other,
      { typeId: 199, locationId: 21, startsAt: at(pastDay(today - 30), 9, 20) },
      now,
    ),
  );
  return result;
}
