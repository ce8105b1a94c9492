/**
 * Calendar dates without a time ('YYYY-MM-DD', as the API's `from` / `to` use them).
 * Arithmetic runs on UTC noon so that no time zone or DST shift can move the day.
 */

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → a Date at 12:00 UTC of that day; throws on anything else. */
export function plainToUtcNoon(plain: string): Date {
  const m = PLAIN_DATE.exec(plain);
  if (!m) throw new RangeError(`Not a plain date: ${plain}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`Not a plain date: ${plain}`);
  }
  return d;
}

/** A Date's UTC calendar day as 'YYYY-MM-DD'. */
export function utcToPlain(d: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `plain` shifted by `days` (may be negative). */
export function addDays(plain: string, days: number): string {
  return utcToPlain(new Date(plainToUtcNoon(plain).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((plainToUtcNoon(to).getTime() - plainToUtcNoon(from).getTime()) / DAY_MS);
}

/** The local calendar day of this browser as 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  return utcToPlain(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), 12)));
}
