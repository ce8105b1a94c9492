/** The login library's chunk (see `load.ts`): oidc-client-ts and the widget's use of it. */
export { createLoginClient } from '../auth/oidc-login.js';
