/**
 * Tolerant readers for untyped JSON (the portal's robustness rules): unknown fields are ignored,
 * a missing or unusable optional field is `undefined`, a missing required one is
 * `ApiError('bad_response')`. Decoders in `decode.ts` are built from these; dates are in
 * `json-dates.ts` (only the steps after the first read any).
 */
import { ApiError } from './errors.js';

export type Json = Record<string, unknown>;
export type Decoder<T> = (json: unknown) => T;

export function badResponse(what: string): ApiError {
  return new ApiError(`unexpected response: ${what}`, 'bad_response');
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw badResponse(`${what} is not an object`);
  return value;
}

/** Ids: the portal mixes numbers and strings; both become strings. */
export function optId(o: Json, key: string): string | undefined {
  const value = o[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function id(o: Json, key: string): string {
  const value = optId(o, key);
  if (value === undefined) throw badResponse(`${key} missing`);
  return value;
}

/** A non-empty string (numbers are accepted and stringified). */
export function optString(o: Json, key: string): string | undefined {
  const value = o[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function string(o: Json, key: string): string {
  const value = optString(o, key);
  if (value === undefined) throw badResponse(`${key} missing`);
  return value;
}

/** Booleans, also as "true"/"false" strings; anything else is the (safe) fallback. */
export function bool(o: Json, key: string, fallback = false): boolean {
  const value = o[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fallback;
}

/** A finite number, also from a numeric string. */
export function optNumber(o: Json, key: string): number | undefined {
  const value = o[key];
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** An optional nested value: absent when missing or when it does not decode. */
export function optional<T>(value: unknown, decoder: Decoder<T>): T | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return decoder(value);
  } catch {
    return undefined;
  }
}

/** A list whose entries are ids or strings; anything else in it is dropped. */
export function idList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const one = optId({ entry }, 'entry');
    return one === undefined ? [] : [one];
  });
}
