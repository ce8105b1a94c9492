/**
 * Calendar dates without a time ('YYYY-MM-DD') for formatting; their arithmetic lives in
 * booking/calendar.ts.
 * Dates are read at UTC noon so that no time zone or DST shift can move the day.
 */

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** The local calendar day of this browser as 'YYYY-MM-DD'. */
export function localToday(now: Date = new Date()): string {
  return utcToPlain(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), 12)));
}
