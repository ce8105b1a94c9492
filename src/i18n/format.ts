import { LOCALE_REGISTRY, type Locale } from '../contract/locales.js';
import { plainToUtcNoon } from '../time/calendar.js';

/** A day button's parts: "Mo.", "23", "Nov." */
export interface DayLabel {
  weekday: string;
  day: string;
  month: string;
}

/** Dates and times in one locale and one (the clinic's) time zone. */
export interface Format {
  readonly locale: Locale;
  readonly timeZone: string;
  /** Mo., 23. Nov. 2026 / Mon, 23 Nov 2026 */
  date(d: Date): string;
  /** Montag, 23. November 2026 / Monday, 23 November 2026 */
  longDate(d: Date): string;
  /** 09:30 (24 h in both languages) */
  time(d: Date): string;
  /** 09:30 – 10:00 */
  timeRange(start: Date, end: Date): string;
  /** Short zone name at that instant: MEZ / MESZ, CET / CEST. */
  zoneName(d: Date): string;
  /** The clinic-zone calendar day of an instant, 'YYYY-MM-DD' (for grouping). */
  dayKey(d: Date): string;
  /** A plain 'YYYY-MM-DD' like `date()`; no zone shift. */
  plainDate(plain: string): string;
  /** A plain 'YYYY-MM-DD' as "Montag, 23. November". */
  plainLongDay(plain: string): string;
  /** A plain 'YYYY-MM-DD' split for a compact day button. */
  dayLabel(plain: string): DayLabel;
}

const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};
const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const ZONE: Intl.DateTimeFormatOptions = { timeZoneName: 'short' };
const DAY_PARTS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const DAY_KEY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function dtf(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

const formats = new Map<string, Format>();

const QUARTER_HOUR_MS = 900_000;

/** Cached formatters for `locale` in `timeZone` (an IANA zone such as Europe/Berlin). */
export function createFormat(locale: Locale, timeZone: string): Format {
  const cacheKey = `${locale}|${timeZone}`;
  const cached = formats.get(cacheKey);
  if (cached) return cached;

  const tag = LOCALE_REGISTRY[locale].intl;
  const date = dtf(tag, timeZone, DATE);
  const longDate = dtf(tag, timeZone, LONG_DATE);
  const time = dtf(tag, timeZone, TIME);
  const zone = dtf(tag, timeZone, ZONE);
  const dayKey = dtf('en-US', timeZone, DAY_KEY);
  const dayKeys = new Map<number, string>();
  const plainDate = dtf(tag, 'UTC', DATE);
  const plainLongDay = dtf(tag, 'UTC', LONG_DAY);
  const dayParts = dtf(tag, 'UTC', DAY_PARTS);

  const format: Format = {
    locale,
    timeZone,
    date: (d) => date.format(d),
    longDate: (d) => longDate.format(d),
    time: (d) => time.format(d),
    timeRange: (start, end) => `${time.format(start)} – ${time.format(end)}`,
    zoneName: (d) => part(zone.formatToParts(d), 'timeZoneName'),
    dayKey: (d) => {
      // Every zone's offset is a whole number of quarter hours, so one UTC quarter hour lies in
      // one local day: a dense calendar asks Intl once per quarter, not once per slot.
      const quarter = Math.floor(d.getTime() / QUARTER_HOUR_MS);
      let key = dayKeys.get(quarter);
      if (key === undefined) {
        const parts = dayKey.formatToParts(d);
        key = `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
        dayKeys.set(quarter, key);
      }
      return key;
    },
    plainDate: (plain) => plainDate.format(plainToUtcNoon(plain)),
    plainLongDay: (plain) => plainLongDay.format(plainToUtcNoon(plain)),
    dayLabel: (plain) => {
      const parts = dayParts.formatToParts(plainToUtcNoon(plain));
      return {
        weekday: part(parts, 'weekday'),
        day: part(parts, 'day'),
        month: part(parts, 'month'),
      };
    },
  };
  formats.set(cacheKey, format);
  return format;
}
