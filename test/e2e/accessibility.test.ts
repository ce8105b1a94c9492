// The real widget, as built, against the sandbox: axe (WCAG 2.2 A/AA) on every step of a guest
// booking, in every language, light and dark, 320 px and wide; and the live region that
// announces each step change to screen readers.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { openPage, startStack, widgetPage, type Stack } from '../support/stack.js';
import { loginPage, seededAppointment, signIn } from '../support/login.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/** axe on the widget (shadow roots included); the violations, as `rule: targets` lines. */
async function axe(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe
      .run;
    const result = (await run(document.querySelector('patient-booking'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })) as { violations: Violation[] };
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes }));
  });
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

/** The text of the widget's polite live region. */
const liveRegion = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('patient-booking')
        ?.shadowRoot?.querySelector('[aria-live="polite"]')
        ?.textContent?.trim() ?? null,
  );

const WORDS = {
  en: {
    insurance: /Techniker Krankenkasse/,
    type: /Hausärztliche Beratung/,
    first: 'First name',
    last: 'Last name',
    email: 'Email address',
    born: 'Date of birth',
    mobile: 'Mobile number',
    book: /^Book appointment$/,
    booked: /booked/i,
    announce: /^Next step: /,
  },
  de: {
    insurance: /Techniker Krankenkasse/,
    type: /Hausärztliche Beratung/,
    first: 'Vorname',
    last: 'Nachname',
    email: 'E-Mail-Adresse',
    born: 'Geburtsdatum',
    mobile: 'Handynummer',
    book: /^Termin verbindlich buchen$/,
    booked: /gebucht/i,
    announce: /^Nächster Schritt: /,
  },
  tr: {
    insurance: /Techniker Krankenkasse/,
    type: /Hausärztliche Beratung/,
    first: /^\s*Ad\s*$/,
    last: 'Soyadı',
    email: 'E-posta adresi',
    born: 'Doğum tarihi',
    mobile: 'Cep telefonu',
    book: /^Randevuyu kesin olarak al$/,
    booked: /alındı/i,
    announce: /^Sonraki adım: /,
  },
} as const;

const RUNS = [
  { locale: 'en', theme: 'light', width: 1024 },
  { locale: 'de', theme: 'dark', width: 320 },
  { locale: 'en', theme: 'dark', width: 320 },
  { locale: 'de', theme: 'light', width: 1024 },
  { locale: 'tr', theme: 'light', width: 375 },
  { locale: 'tr', theme: 'dark', width: 1280 },
] as const;

describe('accessibility of the whole widget, end to end', () => {
  for (const { locale, theme, width } of RUNS) {
    it(`axe-clean on every step and each step announced (${locale}, ${theme}, ${width} px)`, async () => {
      const w = WORDS[locale];
      const url = widgetPage(
        stack,
        `/a11y-${locale}-${theme}-${width}.html`,
        { locale, theme },
        locale,
      );
      const { page, context, problems } = await openPage(stack, url, {
        viewport: { width, height: 800 },
        colorScheme: theme,
      });
      const found: string[] = [];
      const announced: string[] = [];
      const step = async (name: string) => {
        found.push(...(await axe(page, name)));
        announced.push((await liveRegion(page)) ?? '');
      };

      await page.getByRole('radio', { name: w.insurance }).waitFor();
      await step('first screen, the insurance asked');
      await page.getByRole('radio', { name: w.insurance }).check();
      await page.getByRole('button', { name: w.type }).waitFor();
      await step('first screen, the types under their categories');
      await page.getByRole('button', { name: w.type }).click();
      const time = page.getByRole('button', { name: /^\d{1,2}:\d{2}/ }).first();
      await time.waitFor();
      await step('time');
      await time.click();
      await page.getByLabel(w.first).waitFor();
      await step('details');
      // The form refused as it is: its error messages must be accessible too.
      const book = page.getByRole('button', { name: w.book });
      await book.click();
      await step('details with errors');
      await page.getByLabel(w.first).fill('Erika');
      await page.getByLabel(w.last).fill('Mustermann');
      await page.getByLabel(w.email).fill('erika@example.com');
      await page.getByLabel(w.born).fill('1980-04-12');
      await page.getByLabel(new RegExp(w.mobile)).fill('+49 151 23456789');
      await step('details filled, with the summary and the booking button');
      await book.click();
      await page.getByRole('heading', { name: w.booked }).waitFor();
      await step('confirmation');

      assert.deepEqual(found, [], found.join('\n'));
      // Every step change was put into the live region, each one a different sentence.
      const changes = announced.filter((text, i) => i === 0 || text !== announced[i - 1]);
      assert.ok(changes.length >= 4, `announcements: ${JSON.stringify(announced)}`);
      for (const text of announced.slice(1)) assert.match(text, w.announce);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('accessibility of the signed-in screens, end to end', () => {
  for (const { theme, width } of [
    { theme: 'light', width: 1024 },
    { theme: 'dark', width: 320 },
  ] as const) {
    it(`axe-clean: account bar, my appointments, detail, reschedule, cancel dialog (${theme}, ${width} px)`, async () => {
      const url = loginPage(stack, `/a11y-account-${theme}-${width}.html`, { attrs: { theme } });
      const { page, context, problems } = await openPage(stack, url, {
        viewport: { width, height: 800 },
        colorScheme: theme,
      });
      await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
      await signIn(page);
      const found = [...(await axe(page, 'signed in, first step'))];
      await page.getByRole('button', { name: 'My appointments' }).click();
      await page.getByRole('heading', { name: 'Your next appointment' }).waitFor();
      found.push(...(await axe(page, 'my appointments')));
      const changeable = seededAppointment(stack, 201);
      await page.locator(`[part~="list"] [data-id="${changeable.id}"]`).click();
      await page.getByRole('button', { name: 'Back to my appointments' }).waitFor();
      found.push(...(await axe(page, 'appointment detail')));
      await page.getByRole('button', { name: 'Cancel appointment' }).click();
      await page.getByRole('dialog').waitFor();
      found.push(...(await axe(page, 'cancel dialog')));
      await page.getByRole('button', { name: 'Keep appointment' }).click();
      await page.getByRole('button', { name: 'Reschedule' }).click();
      await page
        .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
        .first()
        .waitFor();
      found.push(...(await axe(page, 'reschedule')));
      assert.deepEqual(found, [], found.join('\n'));
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
