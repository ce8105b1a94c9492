/** Query and path parameter parsing: paging, ids, date ranges. Errors are 400 naming the field (404 for ids). */
import { badRequest, notFound } from '../envelopes.js';
import { localDay, parseDay } from '../time.js';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_RANGE_DAYS = 31;

function positiveInt(query: URLSearchParams, field: string): number | undefined {
  const raw = query.get(field);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw badRequest(field, 'must be a positive integer');
  return Number(raw);
}

export function paging(query: URLSearchParams): { page: number; perPage: number } {
  const page = positiveInt(query, 'page') ?? 1;
  const perPage = Math.min(positiveInt(query, 'per_page') ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  return { page, perPage };
}

/** A path id: integers only; anything else is simply not found. */
export function pathId(value: string | undefined, what: string): number {
  if (!value || !/^\d{1,9}$/.test(value)) throw notFound(what);
  return Number(value);
}

/** An optional integer filter such as insurance_id; malformed is 400, unknown is checked by the caller. */
export function idFilter(query: URLSearchParams, field: string): number | undefined {
  const raw = query.get(field);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw.trim())) throw badRequest(field, 'must be an integer id');
  return Number(raw);
}

function dateParam(query: URLSearchParams, field: string, required: boolean): number | undefined {
  const raw = query.get(field);
  if (raw === null || raw === '') {
    if (required) throw badRequest(field, 'is missing (expected a date YYYY-MM-DD)');
    return undefined;
  }
  const day = parseDay(raw.trim());
  if (day === null) throw badRequest(field, 'is not a valid date (expected YYYY-MM-DD)');
  return day;
}

/**
 * `from` / `to` as local day numbers, both inclusive, `to - from` ≤ 31 days.
 * Required on a type's availabilities; otherwise defaulting to tomorrow … tomorrow + 30.
 */
export function dateRange(
  query: URLSearchParams,
  required: boolean,
  now: number,
): { fromDay: number; toDay: number } {
  let fromDay = dateParam(query, 'from', required);
  let toDay = dateParam(query, 'to', required);
  if (fromDay === undefined)
    fromDay = toDay !== undefined ? Math.min(localDay(now) + 1, toDay) : localDay(now) + 1;
  if (toDay === undefined) toDay = fromDay + 30;
  if (toDay < fromDay) throw badRequest('to', 'must not be before from');
  if (toDay - fromDay > MAX_RANGE_DAYS)
    throw badRequest('to', `must be at most ${MAX_RANGE_DAYS} days after from`);
  return { fromDay, toDay };
}
