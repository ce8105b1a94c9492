// The guest booking as a patient clicks it (English page, roles and labels only), in pieces the
// measurements combine: the choices up to the details form, the details and the booking.
import type { Page } from 'playwright-core';
import { FIRST_INSURANCE_NAME } from './guest-path.js';

export const CHOICES = {
  insurance: FIRST_INSURANCE_NAME,
  type: /Hausärztliche Beratung/,
} as const;

/** A time button: its name starts with the clock time. */
export const TIME_BUTTON = /^\d{1,2}:\d{2}/;

export async function clickButton(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).first().click({ timeout: 15_000 });
}

/** The first screen's insurance radio (its types show below it). */
export async function chooseInsurance(page: Page): Promise<void> {
  await page.getByRole('radio', { name: CHOICES.insurance }).first().check({ timeout: 15_000 });
}

/** Insurance and type (one screen) → the first free time; ends on the details form. */
export async function chooseUntilDetails(page: Page): Promise<void> {
  await chooseInsurance(page);
  await clickButton(page, CHOICES.type);
  await clickButton(page, TIME_BUTTON);
  await page.getByLabel('First name').waitFor({ timeout: 15_000 });
}

/** Fills the details form and books from it; ends on the confirmation. */
export async function detailsAndBook(page: Page): Promise<void> {
  await page.getByLabel('First name').fill('Erika');
  await page.getByLabel('Last name').fill('Mustermann');
  await page.getByLabel('Email address').fill('erika@example.com');
  await page.getByLabel('Date of birth').fill('1980-04-12');
  const mobile = page.getByLabel('Mobile number');
  if ((await mobile.count()) > 0) await mobile.fill('+49 151 23456789');
  await clickButton(page, /^Book appointment$/);
  await page.getByRole('heading', { name: /booked/i }).waitFor({ timeout: 15_000 });
}

/** Presses "Back" until the first screen shows (at most `max` times); returns the presses. */
export async function backToInsurance(page: Page, max = 8): Promise<number> {
  const heading = page.getByRole('heading', { name: /What do you need/ });
  for (let presses = 0; presses <= max; presses += 1) {
    if (await heading.isVisible()) return presses;
    const name = /^\W*Back\s*$/; // "‹ Back"
    const back = page.getByRole('button', { name }).or(page.getByRole('link', { name }));
    await back.first().click({ timeout: 5_000 });
    await page.waitForTimeout(50);
  }
  throw new Error(`the first screen did not show after ${max} presses of Back`);
}
