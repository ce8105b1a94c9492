import { deAccount } from './de-account.js';
import { deCore } from './de-core.js';
import { deSteps } from './de-steps.js';
import type { Messages } from './messages.js';

/**
 * The whole German catalogue (friendly, short, formal "Sie"). The widget loads it in parts: `de-core.ts` for the
 * first steps, `de-steps.ts` with the later steps and `de-account.ts` with the account.
 */
export const de: Messages = {
  ...deCore,
  ...deSteps,
  ...deAccount,
  common: { ...deCore.common, ...deSteps.common },
  errors: { ...deCore.errors, ...deSteps.errors, ...deAccount.errors },
  login: { ...deCore.login, ...deAccount.login },
};
