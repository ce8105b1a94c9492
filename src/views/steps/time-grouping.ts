import type { Availability } from '../../api/types.js';

/**
 * Availabilities by clinic-zone day ('YYYY-MM-DD' → times, ascending), days ascending.
 * `dayKey` maps an instant to its day in the clinic's zone; `locationId` filters when set.
 */
export function groupByDay(
  availabilities: readonly Availability[],
  dayKey: (d: Date) => string,
  locationId?: string,
): Map<string, Availability[]> {
  const byDay = new Map<string, Availability[]>();
  for (const a of availabilities) {
    if (locationId && a.locationId !== locationId) continue;
    const key = dayKey(a.startsAt);
    const list = byDay.get(key);
    if (list) list.push(a);
    else byDay.set(key, [a]);
  }
  const days = [...byDay.keys()].sort();
  const sorted = new Map<string, Availability[]>();
  for (const day of days) {
    const list = byDay.get(day)!;
    list.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
    sorted.set(day, list);
  }
  return sorted;
}

/** Parts of the day the times are grouped under: before 12:00, before 17:00, later. */
export const PERIODS = ['morning', 'afternoon', 'evening'] as const;
export type Period = (typeof PERIODS)[number];

/** The part of the day of a clinic-zone clock time, '09:30' (24 h, as `Format.time` gives it). */
export function periodOf(clock: string): Period {
  const hour = Number(clock.slice(0, 2));
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/**
 * One day's times (ascending) by part of the day, in the order of {@link PERIODS}; parts without
 * times are left out. `clock` gives an instant's clinic-zone time, '09:30'.
 */
export function groupByPeriod(
  times: readonly Availability[],
  clock: (d: Date) => string,
): Array<{ period: Period; times: Availability[] }> {
  const byPeriod = new Map<Period, Availability[]>(PERIODS.map((p) => [p, []]));
  for (const a of times) byPeriod.get(periodOf(clock(a.startsAt)))!.push(a);
  return PERIODS.map((period) => ({ period, times: byPeriod.get(period)! })).filter(
    (g) => g.times.length > 0,
  );
}
