/**
 * Plain dates ('YYYY-MM-DD') in a time zone, with Intl only. Calendar arithmetic is done on
 * UTC midnights, where every day has 24 hours, so DST changes in the clinic's zone cannot
 * shift it; only `plainDateIn` (an instant → its date on the clinic's wall) needs the zone.
 * For formatting, a plain date is read at 12:00 UTC, where no zone's offset can move its day.
 */
/** 'YYYY-MM-DD', e.g. '2026-03-29'. */
export type PlainDate = string;

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl.DateTimeFormat is far slower than using one: one per zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formats.set(timeZone, format);
  }
  return format;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fromParts(year: number, month: number, day: number): PlainDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Milliseconds of the UTC midnight of a plain date; RangeError when it is not one. */
function toUtcMs(plain: PlainDate): number {
  const match = PLAIN_DATE.exec(plain);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Round trip rejects 2026-02-30 and friends.
    if (fromUtcMs(ms) === plain) return ms;
  }
  throw new RangeError(`not a plain date (YYYY-MM-DD): ${plain}`);
}

function fromUtcMs(ms: number): PlainDate {
  const date = new Date(ms);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of `date` on the wall clocks of `timeZone`. */
export function plainDateIn(date: Date, timeZone: string): PlainDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatFor(timeZone).formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return fromParts(year, month, day);
}

/** Today in `timeZone` (not in the browser's zone: the patient may be elsewhere). */
export function todayIn(timeZone: string, now: Date | number = Date.now()): PlainDate {
  return plainDateIn(new Date(now), timeZone);
}

export function addDays(plain: PlainDate, days: number): PlainDate {
  return fromUtcMs(toUtcMs(plain) + Math.trunc(days) * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

export interface DateWindow {
  from: PlainDate;
  /** Inclusive. */
  to: PlainDate;
}

/**
 * Consecutive windows of `windowDays` days (both ends inclusive) covering `totalDays` days from
 * `from`; the last one is shorter when needed. 31 days is the portal's longest range.
 */
export function windowsFrom(from: PlainDate, totalDays: number, windowDays = 31): DateWindow[] {
  const size = Math.floor(windowDays);
  const total = Math.floor(totalDays);
  if (!(size >= 1)) throw new RangeError(`windowDays must be ≥ 1: ${windowDays}`);
  const windows: DateWindow[] = [];
  const start = toUtcMs(from);
  for (let offset = 0; offset < total; offset += size) {
    const length = Math.min(size, total - offset);
    windows.push({
      from: fromUtcMs(start + offset * DAY_MS),
      to: fromUtcMs(start + (offset + length - 1) * DAY_MS),
    });
  }
  return windows;
}

/** 'YYYY-MM-DD' → a Date at 12:00 UTC of that day (for formatting); RangeError on anything else. */
export function plainToUtcNoon(plain: PlainDate): Date {
  return new Date(toUtcMs(plain) + DAY_MS / 2);
}

/** The calendar day of this browser's own clock, e.g. for the latest possible birth date. */
export function localToday(now: Date = new Date()): PlainDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The Monday of the week of a plain date (ISO weeks: Monday first, as in de, en-GB and tr). */
export function weekStart(plain: PlainDate): PlainDate {
  const ms = toUtcMs(plain);
  const monday0 = (new Date(ms).getUTCDay() + 6) % 7;
  return fromUtcMs(ms - monday0 * DAY_MS);
}
