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
