/** The sign-in bar's chunk (see `load-sign-in.ts`). */
export { offerSignIn } from '../account/offer-sign-in.js';
