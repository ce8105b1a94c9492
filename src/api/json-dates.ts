/**
 * Tolerant readers for ISO 8601 instants in untyped JSON (see `json.ts`): apart from the others,
 * as only what the steps after the first decode (availabilities, appointments) has dates.
 */
import { badResponse, type Json } from './json.js';

// ISO 8601 date or date-time; `new Date` alone would also read things like "12" or "May 1".
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Into the subset of ISO 8601 that every engine reads (ECMA-262 date time string format). */
function normaliseIso(text: string): string {
  const [day, time] = text.split(/[T ]/i);
  if (time === undefined) return day;
  const offset = /([+-]\d{2}):?(\d{2})?$/;
  const normal = time.toUpperCase().replace(',', '.');
  return `${day}T${normal.replace(offset, (_m, h: string, m?: string) => `${h}:${m ?? '00'}`)}`;
}

/** Parses an ISO 8601 instant; never slices strings. */
export function optDate(o: Json, key: string): Date | undefined {
  const value = o[key];
  if (typeof value !== 'string' || !ISO_8601.test(value.trim())) return undefined;
  const date = new Date(normaliseIso(value.trim()));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function date(o: Json, key: string): Date {
  const value = optDate(o, key);
  if (value === undefined) throw badResponse(`${key} missing or not ISO 8601`);
  return value;
}
