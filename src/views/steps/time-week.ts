/**
 * The time step's weeks: which seven days a week shows, whether the loaded window of days holds
 * a week, and which window to ask for when it does not. Plain dates in the clinic's zone.
 */
import { LOCALE_REGISTRY, type Locale } from '../../contract/locales.js';
import { addDays, daysBetween, plainToUtcNoon, weekStart } from '../../time/calendar.js';

/** How far ahead the date field reaches, in days: as far as the first-free-time search. */
export const JUMP_DAYS = 186;

/** Days one request loads from a week's Monday (the booking window's size): two weeks. */
const PAIR_DAYS = 14;

/** Monday … Sunday of the week starting at `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The first day of a week that can have times: its Monday, or today when that is later. */
export function firstUsable(monday: string, today: string): string {
  return today && monday < today ? today : monday;
}

/** Whether the window `from`…`to` (inclusive) holds every day of the week that can have times. */
export function windowHolds(from: string, to: string, monday: string, today: string): boolean {
  return !!from && !!to && from <= firstUsable(monday, today) && addDays(monday, 6) <= to;
}

/**
 * The window to load for a week: weeks are paired from today's week on (this and next week, the
 * two after, …), so paging back and forth asks for windows already loaded; never before today.
 */
export function windowFor(monday: string, today: string): string {
  if (!today) return monday;
  const anchor = weekStart(today);
  const pairs = Math.floor(daysBetween(anchor, monday) / PAIR_DAYS);
  return firstUsable(addDays(anchor, pairs * PAIR_DAYS), today);
}

const ranges = new Map<Locale, Intl.DateTimeFormat>();

/** A week as "23.–29. Nov. 2026" / "23–29 Nov 2026" / "30 Kas – 6 Ara 2026". */
export function weekRange(locale: Locale, monday: string): string {
  let f = ranges.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_REGISTRY[locale].intl, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    ranges.set(locale, f);
  }
  return f.formatRange(plainToUtcNoon(monday), plainToUtcNoon(addDays(monday, 6)));
}
