/**
 * Decoders of the practice's basics: insurances, and the institution (its time zone). The rest of
 * the catalogue's decoders are `decode-catalogue.ts`, which re-exports these.
 */
import { INSURANCE_KINDS } from './types.js';
import type { Address, Institution, InsuranceKind, Insurance } from './types.js';
import { id, object, optString, optional, string } from './json.js';

/** Institution time zone when the portal sends none or one this browser does not know. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const KIND_ALIASES: Record<string, InsuranceKind> = {
  statutory: 'public',
  gkv: 'public',
  pkv: 'private',
  selfpay: 'self_pay',
  'self-pay': 'self_pay',
  self_payer: 'self_pay',
};

/**
 * An unknown insurance kind becomes `private`: `public` is a specific legal regime (German GKV)
 * that must not be assumed, and `self_pay` would tell an insured patient they pay themselves;
 * everything else (PKV, Beihilfe, foreign and special insurers) is billed like private.
 */
export const FALLBACK_INSURANCE_KIND: InsuranceKind = 'private';

function insuranceKind(value: unknown): InsuranceKind {
  if (typeof value !== 'string') return FALLBACK_INSURANCE_KIND;
  const kind = value.trim().toLowerCase();
  if ((INSURANCE_KINDS as readonly string[]).includes(kind)) return kind as InsuranceKind;
  return KIND_ALIASES[kind] ?? FALLBACK_INSURANCE_KIND;
}

export function decodeAddress(json: unknown): Address | undefined {
  const o = object(json, 'address');
  const address: Address = {
    street: optString(o, 'street_address') ?? optString(o, 'street'),
    locality: optString(o, 'locality') ?? optString(o, 'city'),
    postalCode: optString(o, 'postal_code'),
    country: optString(o, 'country'),
  };
  return Object.values(address).some((v) => v !== undefined) ? stripUndefined(address) : undefined;
}

/** Drops `undefined` members, so "missing" really is absent (`'x' in o` is false). */
export function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

export function decodeInsurance(json: unknown): Insurance {
  const o = object(json, 'insurance');
  return stripUndefined({
    id: id(o, 'id'),
    name: string(o, 'name'),
    shortName: optString(o, 'short_name'),
    kind: insuranceKind(o.kind),
  });
}

function validTimeZone(value: string | undefined): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export function decodeInstitution(json: unknown): Institution {
  const o = object(json, 'institution');
  return stripUndefined({
    id: id(o, 'id'),
    name: string(o, 'name'),
    timeZone: validTimeZone(optString(o, 'time_zone')),
    address: optional(o.address, decodeAddress),
    phone: optString(o, 'phone'),
    website: optString(o, 'website'),
  });
}
