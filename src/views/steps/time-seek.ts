import type { Availability } from '../../api/types.js';

/** What "first free time" does next. */
export type SeekStep =
  /** The window from `from` is not loaded yet: load it. */
  | { kind: 'load' }
  /** Found: show `day` (at `locationId` when the shown location had nothing). */
  | { kind: 'found'; day: string; locationId?: string }
  /** Nothing in the window; the search found a later day: go on from there. */
  | { kind: 'follow'; from: string }
  /** Nothing within the search's reach. */
  | { kind: 'none' }
  /** The search still runs. */
  | { kind: 'wait' };

export interface SeekState {
  /** The window holds `from`'s week and its times are here. */
  loaded: boolean;
  /** The loaded times, all locations. */
  times: readonly Availability[];
  /** Days with times at the shown location, ascending. */
  days: Iterable<string>;
  /** An instant's clinic-zone day. */
  dayKey: (d: Date) => string;
  /** The search after an empty window. */
  firstAvailable: { date: string } | null | undefined;
}

/**
 * One step of "first free time" from day `from`: the first day with times at the shown location,
 * else the earliest time at another one, else wherever the search after the window points.
 */
export function seekStep(from: string, s: SeekState): SeekStep {
  if (!s.loaded) return { kind: 'load' };
  for (const day of s.days) if (day >= from) return { kind: 'found', day };
  let earliest: Availability | undefined;
  for (const a of s.times) {
    if (s.dayKey(a.startsAt) >= from && (!earliest || a.startsAt < earliest.startsAt)) earliest = a;
  }
  if (earliest) {
    return { kind: 'found', day: s.dayKey(earliest.startsAt), locationId: earliest.locationId };
  }
  if (s.firstAvailable) return { kind: 'follow', from: s.firstAvailable.date };
  return s.firstAvailable === null ? { kind: 'none' } : { kind: 'wait' };
}
