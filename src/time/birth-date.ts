/**
 * A date of birth as patients type it: day, month, year (TT.MM.JJJJ / DD.MM.YYYY; never the US
 * order), read into a plain date ('YYYY-MM-DD') and checked: a real day, not in the future, not
 * before 1900.
 */
import type { PlainDate } from './calendar.js';

/** Why a typed date of birth is refused (empty input is the caller's "required"). */
export type BirthDateProblem = 'format' | 'noSuchDay' | 'future' | 'tooEarly';

export type BirthDateResult =
  { ok: true; date: PlainDate } | { ok: false; problem: BirthDateProblem };

export const EARLIEST_BIRTH_YEAR = 1900;

/** 1.2.1980, 01.02.1980, 01/02/1980, 01-02-1980, 01 02 1980. */
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[./ -]\s*(\d{1,2})\s*[./ -]\s*(\d{4})$/;
/** 01021980: a phone's number pad has no dot. */
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;
/** 1980-02-01: what a browser's autofill may put in (`autocomplete="bday"`). */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(text: string): [number, number, number] | null {
  const iso = ISO.exec(text);
  if (iso) return [Number(iso[3]), Number(iso[2]), Number(iso[1])];
  const dmy = DAY_MONTH_YEAR.exec(text) ?? DIGITS_ONLY.exec(text);
  return dmy ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])] : null;
}

/** Reads a typed date of birth against today's plain date (the patient's own calendar). */
export function parseBirthDate(typed: string, today: PlainDate): BirthDateResult {
  const found = parts(typed.trim());
  if (!found) return { ok: false, problem: 'format' };
  const [day, month, year] = found;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'noSuchDay' };
  }
  if (year < EARLIEST_BIRTH_YEAR) return { ok: false, problem: 'tooEarly' };
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (date > today) return { ok: false, problem: 'future' };
  return { ok: true, date };
}

/** A plain date as the form shows it: 01.02.1980 (the same digits in every language). */
export function formatBirthDate(date: PlainDate): string {
  const iso = ISO.exec(date);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : date;
}
