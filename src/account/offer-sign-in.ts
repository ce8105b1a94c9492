/**
 * The sign-in bar, if this page can use the login the backend offers (`auth/login-settings.ts`);
 * else why, in one console line (and a `booking-error` when a backend setting is wrong), and nothing. In the sign-in chunk: a guest's page never needs
 * this check's code.
 */
import { loginSettings } from '../auth/login-settings.js';
import type { AccountContext } from './account-contract.js';
import { AccountSlot } from './account-slot.js';

export function offerSignIn(
  context: Omit<AccountContext, 'login'>,
  login: object,
  /** A backend setting is why (not the page): named for the webmaster (`docs/diagnostics.md`). */
  misconfigured: (setting: string, why: string) => void,
): AccountSlot | null {
  const secure = globalThis.isSecureContext !== false;
  const backend = context.wiring.config.backend;
  const available = loginSettings(login, backend, location.origin, secure);
  if (available.ok) return new AccountSlot({ ...context, login: available.settings });
  if (available.setting) misconfigured(available.setting, available.why);
  else console.warn(`patient-booking: sign-in is off on this page: ${available.why}`);
  return null;
}
