import type { AccountMessages, CoreMessages, Messages, StepMessages } from './messages.js';

const completed = new WeakMap<CoreMessages, Map<AccountMessages | null, Messages>>();

/**
 * The first steps' part completed with the later steps' part (and, once the account code is
 * there, the account's): one object per combination, so views re-render only on a real change.
 * Without `account` the result lacks the account part; only the account's views read it, and
 * they come with it.
 */
export function completeMessages(
  core: CoreMessages,
  steps: StepMessages,
  account: AccountMessages | null = null,
): Messages {
  let byAccount = completed.get(core);
  if (!byAccount) completed.set(core, (byAccount = new Map<AccountMessages | null, Messages>()));
  let t = byAccount.get(account);
  if (!t) {
    t = {
      ...core,
      ...steps,
      ...account,
      common: { ...core.common, ...steps.common },
      errors: { ...core.errors, ...steps.errors, ...account?.errors },
      login: { ...core.login, ...account?.login },
    } as Messages;
    byAccount.set(account, t);
  }
  return t;
}
