/** The login library's chunk (`login.ts`, oidc-client-ts): beside the account, on the first "Sign in". */
import { once } from './once.js';

export const loadLogin = once(() => import('./login.js'));
