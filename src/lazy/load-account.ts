/** The account's chunk (`account.ts`): appointments, reschedule, cancel, the session; on the first "Sign in". */
import { addSentences } from '../booking/public-error.js';
import { once } from './once.js';

export const loadAccount = once(() =>
  import('./account.js').then((chunk) => (addSentences(chunk.FLOW_ERROR_SENTENCES), chunk)),
);
