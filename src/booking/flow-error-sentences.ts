/**
 * The `booking-error` sentences of the errors that only the steps after the first and the account
 * meet: the loaders of their code add them (`lazy/`). With `public-error.ts` every code has one.
 */
import type { ErrorCode } from '../api/errors.js';
import type { FirstStepErrorCode } from './public-error.js';

export const FLOW_ERROR_SENTENCES = {
  availability_taken: 'The chosen time was taken meanwhile.',
  validation: 'The portal refused the submitted data.',
  not_cancelable: 'The appointment can no longer be cancelled.',
  not_reschedulable: 'The appointment can no longer be rescheduled.',
  asap_not_enabled: 'The appointment type has no ASAP list.',
  popup_blocked: 'The login popup was blocked.',
  popup_closed: 'The login popup was closed.',
  login_denied: 'The login was denied.',
} satisfies Record<Exclude<ErrorCode, FirstStepErrorCode>, string>;
