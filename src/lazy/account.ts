/** The account's chunk (see `load.ts`). */
export { createAccount } from '../account/create-account.js';
export { FLOW_ERROR_SENTENCES } from '../booking/flow-error-sentences.js';
