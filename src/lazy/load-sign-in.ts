/**
 * The sign-in bar's chunk (`sign-in.ts`): the check whether this page can sign in, the account's
 * slot in the root, the bar's template and the popup. Fetched when the backend's configuration
 * offers login, after the first screen.
 */
import { once } from './once.js';

export const loadSignIn = once(() => import('./sign-in.js').then((m) => m.offerSignIn));
