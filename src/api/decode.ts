/**
 * JSON → view models (`types.ts`): the envelopes here, the resources in `decode-catalogue.ts`
 * and `decode-patient.ts` (re-exported, so this is the one module to import decoders from).
 */
import type { Page } from './types.js';
import { badResponse, bool, isObject, object, optNumber } from './json.js';
import type { Decoder } from './json.js';

export type { Decoder } from './json.js';
export {
  DEFAULT_TIME_ZONE,
  FALLBACK_INSURANCE_KIND,
  decodeAddress,
  decodeAppointmentType,
  decodeAvailability,
  decodeCategory,
  decodeInstitution,
  decodeInsurance,
  decodeLocation,
} from './decode-catalogue.js';
export {
  decodeAppointment,
  decodeAsapOffer,
  decodeIdRef,
  decodeOverview,
  decodeUserProfile,
  decodeVideoAccess,
} from './decode-patient.js';

/** `{"data": {…}}` → one decoded item. */
export function decodeOne<T>(json: unknown, decoder: Decoder<T>): T {
  const envelope = object(json, 'envelope');
  if (!('data' in envelope)) throw badResponse('envelope without data');
  return decoder(envelope.data);
}

/** `{"data": […], "meta": {has_more, total_count}}` → a page; without `meta` there is no more. */
export function decodeList<T>(json: unknown, decoder: Decoder<T>): Page<T> {
  const envelope = object(json, 'list envelope');
  if (!Array.isArray(envelope.data)) throw badResponse('list envelope without data array');
  const meta = isObject(envelope.meta) ? envelope.meta : {};
  const page: Page<T> = {
    items: envelope.data.map((item: unknown) => decoder(item)),
    hasMore: bool(meta, 'has_more'),
  };
  const total = optNumber(meta, 'total_count');
  if (total !== undefined) page.totalCount = total;
  return page;
}

/** Curried forms for `HttpRequestInit.decode`. */
export const one =
  <T>(decoder: Decoder<T>): Decoder<T> =>
  (json) =>
    decodeOne(json, decoder);
export const list =
  <T>(decoder: Decoder<T>): Decoder<Page<T>> =>
  (json) =>
    decodeList(json, decoder);
