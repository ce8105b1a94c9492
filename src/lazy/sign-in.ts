/** The sign-in bar's chunk (see `load-sign-in.ts`). */
export { AccountSlot } from '../account/account-slot.js';
