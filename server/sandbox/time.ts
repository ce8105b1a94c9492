/**
 * Calendar helpers in the institution's time zone, without a date library.
 * A "day" is a day number: whole days since 1970-01-01 of a calendar date (no time zone).
 */

export const TIME_ZONE = 'Europe/Berlin';
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of the zone from UTC at the given instant, in minutes (Berlin: 60 or 120). */
export function tzOffsetMinutes(utcMs: number, timeZone = TIME_ZONE): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall-clock time (minutes after midnight) on a local day. */
export function localToUtc(day: number, minuteOfDay: number, timeZone = TIME_ZONE): number {
  const naive = day * DAY_MS + minuteOfDay * 60_000;
  let utc = naive - tzOffsetMinutes(naive, timeZone) * 60_000;
  const corrected = naive - tzOffsetMinutes(utc, timeZone) * 60_000;
  if (corrected !== utc) utc = corrected;
  return utc;
}

/** The local calendar day of an instant. */
export function localDay(utcMs: number, timeZone = TIME_ZONE): number {
  return Math.floor((utcMs + tzOffsetMinutes(utcMs, timeZone) * 60_000) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekday(day: number): boolean {
  const wd = weekday(day);
  return wd >= 1 && wd <= 5;
}

/** Parses a strict `YYYY-MM-DD` calendar date into a day number, or null. */
export function parseDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== date
  ) {
    return null;
  }
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the zone's offset, e.g. `2025-01-02T09:00:00+01:00`. */
export function toZonedIso(utcMs: number, timeZone = TIME_ZONE): string {
  const offset = tzOffsetMinutes(utcMs, timeZone);
  const local = new Date(utcMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** Next weekday on or after the given day. */
export function onOrAfterWeekday(day: number): number {
  let d = day;
  while (!isWeekday(d)) d += 1;
  return d;
}
