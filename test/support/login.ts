// Patient login for end-to-end tests: a page with the widget set up for login, and the sign-in
// through the sandbox's real login and consent pages in the popup.
import type { Page } from 'playwright-core';
import { widgetPage, type Servers, type Stack } from './stack.js';

export const DEMO_PATIENT = { email: 'patient@example.com', password: 'sandbox' };

/** A page whose widget offers login (the backend's configuration has it; the page says nothing). */
export function loginPage(
  stack: Stack,
  path: string,
  options: { locale?: string; attrs?: Record<string, string> } = {},
): string {
  // Login comes from the backend's configuration: nothing about it in the page.
  return widgetPage(stack, path, { locale: options.locale ?? 'en', ...options.attrs });
}

/** Opens the popup from the account bar; resolves with it (blank until the portal loads). */
export async function openLoginPopup(page: Page, button = /^(Sign in|Try again|Sign in again)$/) {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: button }).click();
  return popup;
}

/** Signs in through the sandbox's login and consent pages; waits for the signed-in bar. */
export async function signIn(page: Page, button?: RegExp): Promise<void> {
  const popup = await openLoginPopup(page, button);
  await popup.getByLabel('Email').fill(DEMO_PATIENT.email);
  await popup.getByLabel('Password').fill(DEMO_PATIENT.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  // The popup closes itself right after "Allow": the click may not see its navigation end.
  const closed = popup.waitForEvent('close');
  await popup
    .getByRole('button', { name: 'Allow' })
    .click()
    .catch(() => {});
  await closed;
  await page.getByText('Signed in as Erika Mustermann').waitFor();
}

/**
 * Signs in again in the same browser: the portal remembers the patient (no login page); it may ask
 * for consent again (the revoked grant) or close the popup at once.
 */
export async function signInAgain(page: Page, button?: RegExp): Promise<void> {
  const popup = await openLoginPopup(page, button);
  const closed = popup.waitForEvent('close');
  const allow = popup.getByRole('button', { name: 'Allow' });
  const next = await Promise.race([
    closed.then(() => 'closed'),
    allow.waitFor().then(
      () => 'consent',
      () => 'closed',
    ),
  ]);
  if (next === 'consent') await allow.click().catch(() => {});
  await closed;
  await page.getByText('Signed in as Erika Mustermann').waitFor();
}

/** Keys in the page's localStorage and sessionStorage (must stay empty: tokens live in memory). */
export function storageKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
}

/** The text of the focused element inside the widget's current step view, if focus is there. */
export function focusedInStep(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const step = document.querySelector('patient-booking')!.shadowRoot!.activeElement;
    if (!step?.matches('[part~="step"]')) return null;
    return step.shadowRoot!.activeElement?.textContent?.trim() ?? null;
  });
}

/**
 * The demo patient's next confirmed seed appointment of a type, days ahead for type 201 (it can
 * still be moved and cancelled): see server/sandbox/seed/appointments.ts.
 */
export function seededAppointment(stack: Servers, typeId: number) {
  const state = stack.sandbox.state;
  const patient = state.patientByEmail(DEMO_PATIENT.email)!;
  const found = state
    .appointmentsOf(patient.id)
    .filter((a) => a.typeId === typeId && a.status === 'confirmed' && a.startsAt > Date.now())
    .sort((a, b) => a.startsAt - b.startsAt)[0];
  if (!found) throw new Error(`no seed appointment of type ${typeId}`);
  return found;
}
