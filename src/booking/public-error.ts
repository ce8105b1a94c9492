/**
 * The `booking-error` detail for an error: a code, a fixed English sentence and the HTTP status.
 * Never the server's own text, which might echo what the patient typed.
 */
import type { ApiError, ErrorCode } from '../api/errors.js';
import type { BookingErrorDetail } from '../contract/events.js';

/** The errors the first step can meet; the code that meets the others brings their sentences. */
export type FirstStepErrorCode =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_response'
  | 'server'
  | 'config'
  | 'backend';

const SENTENCES: Partial<Record<ErrorCode, string>> = {
  network: 'The portal could not be reached.',
  timeout: 'The portal did not answer in time.',
  rate_limited: 'The portal is busy (rate limit); retried later.',
  unauthorized: 'The access token was refused.',
  forbidden: 'The access token may not use this endpoint.',
  not_found: 'A requested or preselected item does not exist.',
  bad_response: 'The portal sent an unreadable response.',
  server: 'The portal had a server error.',
  config: 'The widget is not configured correctly.',
  backend: 'The booking backend cannot reach the portal (see its log).',
} satisfies Record<FirstStepErrorCode, string>;

/** Adds the sentences of the errors that code loaded later can meet (`flow-error-sentences.ts`). */
export function addSentences(more: Partial<Record<ErrorCode, string>>): void {
  Object.assign(SENTENCES, more);
}

export function publicError(error: ApiError): BookingErrorDetail {
  const message = SENTENCES[error.code] ?? 'The portal answered with an error.';
  const detail: BookingErrorDetail = { code: error.code, message, setting: error.setting ?? null };
  if (error.status !== undefined) detail.status = error.status;
  return detail;
}
