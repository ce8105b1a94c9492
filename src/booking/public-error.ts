/**
 * The `booking-error` detail for an error: a code, a fixed English sentence and the HTTP status.
 * Never the server's own text, which might echo what the patient typed.
 */
import type { ApiError, ErrorCode } from '../api/errors.js';
import type { BookingErrorDetail } from '../events.js';

const SENTENCES: Record<ErrorCode, string> = {
  network: 'The portal could not be reached.',
  timeout: 'The portal did not answer in time.',
  rate_limited: 'The portal is busy (rate limit); retried later.',
  unauthorized: 'The access token was refused.',
  forbidden: 'The access token may not use this endpoint.',
  not_found: 'A requested or preselected item does not exist.',
  availability_taken: 'The chosen time was taken meanwhile.',
  validation: 'The portal refused the submitted data.',
  not_cancelable: 'The appointment can no longer be cancelled.',
  not_reschedulable: 'The appointment can no longer be rescheduled.',
  asap_not_enabled: 'The appointment type has no ASAP list.',
  bad_response: 'The portal sent an unreadable response.',
  server: 'The portal had a server error.',
  config: 'The widget is not configured correctly.',
  token_server: 'The token server could not provide a token.',
  popup_blocked: 'The login popup was blocked.',
  popup_closed: 'The login popup was closed.',
  login_denied: 'The login was denied.',
};

export function publicError(error: ApiError): BookingErrorDetail {
  const detail: BookingErrorDetail = { code: error.code, message: SENTENCES[error.code] };
  if (error.status !== undefined) detail.status = error.status;
  return detail;
}
