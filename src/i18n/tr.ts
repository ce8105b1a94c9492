import { trAccount } from './tr-account.js';
import { trCore } from './tr-core.js';
import { trSteps } from './tr-steps.js';
import type { Messages } from './messages.js';

/**
 * The whole Turkish catalogue (polite "siz", short). The widget loads it in parts: `tr-core.ts` for the
 * first steps, `tr-steps.ts` with the later steps and `tr-account.ts` with the account.
 */
export const tr: Messages = {
  ...trCore,
  ...trSteps,
  ...trAccount,
  common: { ...trCore.common, ...trSteps.common },
  errors: { ...trCore.errors, ...trSteps.errors, ...trAccount.errors },
  login: { ...trCore.login, ...trAccount.login },
};
