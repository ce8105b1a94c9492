/**
 * The `booking-error` sentences of the errors that only the steps after the first and the
 * account meet. Imported (for its effect) by the code that meets them: the booking flow's chunk
 * and the account controller. Together with `public-error.ts` every error code has one.
 */
import type { ErrorCode } from '../api/errors.js';
import { addSentences, type FirstStepErrorCode } from './public-error.js';

addSentences({
  availability_taken: 'The chosen time was taken meanwhile.',
  validation: 'The portal refused the submitted data.',
  not_cancelable: 'The appointment can no longer be cancelled.',
  not_reschedulable: 'The appointment can no longer be rescheduled.',
  asap_not_enabled: 'The appointment type has no ASAP list.',
  popup_blocked: 'The login popup was blocked.',
  popup_closed: 'The login popup was closed.',
  login_denied: 'The login was denied.',
} satisfies Record<Exclude<ErrorCode, FirstStepErrorCode>, string>);
