import { enAccount } from './en-account.js';
import { enCore } from './en-core.js';
import { enSteps } from './en-steps.js';
import type { Messages } from './messages.js';

/**
 * The whole English catalogue (friendly and short). The widget loads it in parts: `en-core.ts` for the
 * first steps, `en-steps.ts` with the later steps and `en-account.ts` with the account.
 */
export const en: Messages = {
  ...enCore,
  ...enSteps,
  ...enAccount,
  common: { ...enCore.common, ...enSteps.common },
  errors: { ...enCore.errors, ...enSteps.errors, ...enAccount.errors },
  login: { ...enCore.login, ...enAccount.login },
};
