/**
 * JSON → view models (`types.ts`): the envelopes here and in `envelope.ts` (lists), the resources
 * in `decode-catalogue.ts` and `decode-patient.ts` (all re-exported, so this is the one module to
 * import decoders from).
 */
import { badResponse, object } from './json.js';
import type { Decoder } from './json.js';

export type { Decoder } from './json.js';
export { decodeList, list } from './envelope.js';
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

/** The curried form for `HttpRequestInit.decode`. */
export const one =
  <T>(decoder: Decoder<T>): Decoder<T> =>
  (json) =>
    decodeOne(json, decoder);
