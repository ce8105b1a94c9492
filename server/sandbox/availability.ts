/**
 * Free slots, generated per request from opening hours (Mon–Fri, Europe/Berlin) for today … today+60,
 * deterministic per seed, type, location, day and time; slots taken by confirmed appointments and
 * slots in the past are left out.
 */
import type { AppointmentType } from './seed/catalogue.js';
import { slotKey } from './state.js';
import { HOUR_MS, isWeekday, localDay, localToUtc } from './time.js';
import { hashFraction } from './prng.js';

export const WINDOW_DAYS = 60;

export interface Slot {
  typeId: number;
  locationId: number | null;
  startsAt: number;
  endsAt: number;
}

export interface SlotQuery {
  type: AppointmentType;
  /** Local day numbers, both inclusive. */
  fromDay: number;
  toDay: number;
  now: number;
  /** slotKey()s occupied by confirmed appointments. */
  taken: ReadonlySet<string>;
  /** Numeric seed (prng.seedNumber) for the deterministic gaps. */
  seed: number;
  /** Stop after this many slots. */
  limit?: number;
}

/** Ascending by start, then location. */
export function listSlots(query: SlotQuery): Slot[] {
  const { type, now, taken, seed } = query;
  const today = localDay(now);
  const first = Math.max(query.fromDay, today + (type.schedule.firstDayOffset ?? 0));
  const last = Math.min(query.toDay, today + WINDOW_DAYS);
  const step = type.schedule.stepMinutes ?? type.duration_minutes;
  const durationMs = type.duration_minutes * 60_000;
  const locations: (number | null)[] = type.location_ids.length ? [...type.location_ids] : [null];
  const slots: Slot[] = [];

  for (let day = first; day <= last; day += 1) {
    if (!isWeekday(day)) continue;
    // Offset at noon: DST switches happen at night, outside opening hours.
    const midnight = localToUtc(day, 12 * 60) - 12 * HOUR_MS;
    for (const [open, close] of type.schedule.blocks) {
      for (let minute = open; minute + type.duration_minutes <= close; minute += step) {
        const startsAt = midnight + minute * 60_000;
        if (startsAt <= now) continue;
        for (const locationId of locations) {
          if (hashFraction(seed, type.id, locationId ?? 0, day, minute) < type.schedule.dropRate)
            continue;
          if (taken.has(slotKey(type.id, locationId, startsAt))) continue;
          slots.push({ typeId: type.id, locationId, startsAt, endsAt: startsAt + durationMs });
          if (query.limit !== undefined && slots.length >= query.limit) return slots;
        }
      }
    }
  }
  return slots;
}

/** Whether the slot is still bookable: in the future and not taken. */
export function slotIsFree(
  slot: Pick<Slot, 'typeId' | 'locationId' | 'startsAt'>,
  now: number,
  taken: ReadonlySet<string>,
): boolean {
  return slot.startsAt > now && !taken.has(slotKey(slot.typeId, slot.locationId, slot.startsAt));
}
