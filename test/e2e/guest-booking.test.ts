// A full guest booking in real Chromium against the sandbox portal and the token server,
// driven only by roles, labels and the keyboard, as a patient would.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eventsOf, openPage, startStack, widgetPage, type Stack } from '../support/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

async function bookings(): Promise<Array<Record<string, unknown>>> {
  const body = (await stack.control('/bookings', undefined, 'GET')) as {
    data: Array<Record<string, unknown>>;
  };
  return body.data;
}

const LABELS = {
  en: {
    firstName: 'First name',
    lastName: 'Last name',
    bornOn: 'Date of birth',
    email: 'Email address',
    mobile: 'Mobile number',
    next: /^Continue$/,
    book: /^Book now$/,
    done: /booked/i,
  },
  de: {
    firstName: 'Vorname',
    lastName: 'Nachname',
    bornOn: 'Geburtsdatum',
    email: 'E-Mail-Adresse',
    mobile: 'Handynummer',
    next: /^Weiter$/,
    book: /^Verbindlich buchen$/,
    done: /gebucht/i,
  },
} as const;

const PATIENT = ['Erika', 'Mustermann', 'erika@example.com', '1980-04-12', '+49 151 23456789'];

async function bookWithMouse(page: Page, lang: keyof typeof LABELS) {
  const l = LABELS[lang];
  await page.getByRole('button', { name: /Techniker Krankenkasse/ }).click();
  await page.getByRole('button', { name: /Allgemeinmedizin/ }).click();
  await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
  await page
    .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
    .first()
    .click();
  await page.getByLabel(l.firstName).fill(PATIENT[0]!);
  await page.getByLabel(l.lastName).fill(PATIENT[1]!);
  await page.getByLabel(l.bornOn).fill(PATIENT[3]!);
  await page.getByLabel(l.email).fill(PATIENT[2]!);
  await page.getByLabel(l.mobile).fill(PATIENT[4]!);
  await page.getByRole('button', { name: l.next }).click();
  await page.getByRole('button', { name: l.book }).click();
  await page.getByRole('heading', { name: l.done }).waitFor();
}

/** The focused element, looking through shadow roots, described by its text and label. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const labels = (el as HTMLInputElement).labels;
    const label = labels && labels[0] ? labels[0].textContent : '';
    return `${el.tagName} ${el.textContent?.trim() ?? ''} ${el.getAttribute('aria-label') ?? ''} ${label}`;
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, pattern: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (pattern.test(await focused(page))) return;
  }
  throw new Error(`no focusable element matching ${pattern} within ${limit} tabs`);
}

function assertNoPatientData(value: unknown) {
  const serialized = JSON.stringify(value);
  for (const secret of PATIENT) {
    assert.ok(!serialized.includes(secret), `must not carry ${secret}`);
  }
}

describe('guest booking', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`books in ${lang}, with events carrying ids and times only`, async () => {
      const url = widgetPage(stack, `/${lang}.html`, { locale: lang });
      const { page, problems, context } = await openPage(stack, url);
      await bookWithMouse(page, lang);

      const created = await bookings();
      assert.equal(created.length, 1, 'exactly one appointment');
      const events = await eventsOf(page);
      const confirmed = events.find((e) => e.type === 'booking-confirmed');
      assert.ok(confirmed, 'booking-confirmed fired');
      assert.deepEqual(Object.keys(confirmed.detail).sort(), [
        'appointmentId',
        'appointmentTypeId',
        'endsAt',
        'guest',
        'startsAt',
      ]);
      assert.equal(confirmed.detail.guest, true);
      assert.equal(confirmed.detail.appointmentTypeId, '199');
      assert.equal(confirmed.detail.appointmentId, created[0]!.id);
      const steps = events
        .filter((e) => e.type === 'booking-step-change')
        .map((e) => e.detail.step);
      assert.deepEqual(steps, [
        'insurance',
        'category',
        'type',
        'time',
        'details',
        'review',
        'confirmed',
      ]);
      assertNoPatientData(events);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('books with the keyboard alone', async () => {
    const url = widgetPage(stack, '/keyboard.html', { locale: 'en' });
    const { page, problems, context } = await openPage(stack, url, { locale: 'en-US' });
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).waitFor();
    const press = async (pattern: RegExp, key = 'Enter') => {
      await tabTo(page, pattern);
      await page.keyboard.press(key);
    };
    await press(/Techniker Krankenkasse/);
    await page.getByRole('heading', { name: 'What is it about?' }).waitFor();
    await press(/Allgemeinmedizin/, 'Space');
    await page.getByRole('heading', { name: 'Which appointment do you need?' }).waitFor();
    await press(/Hausärztliche Beratung/);
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .waitFor();
    await press(/^BUTTON \d{1,2}:\d{2}/);
    await page.getByLabel('First name').waitFor();
    const type = async (pattern: RegExp, text: string) => {
      await tabTo(page, pattern);
      await page.keyboard.type(text);
    };
    await type(/First name/, 'Erika');
    await type(/Last name/, 'Mustermann');
    await type(/Date of birth/, '04121980');
    await type(/Email address/, 'erika@example.com');
    await type(/Mobile number/, '+49 151 23456789');
    await page.keyboard.press('Enter'); // submits the form from a field
    await page.getByRole('button', { name: /^Book now$/ }).waitFor();
    await press(/Book now/);
    await page.getByRole('heading', { name: /booked/i }).waitFor();
    assert.equal((await bookings()).length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('moves focus to the new step heading after each choice', async () => {
    const { page, context } = await openPage(
      stack,
      widgetPage(stack, '/focus.html', { locale: 'en' }),
    );
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).click();
    await page.getByRole('heading', { name: 'What is it about?' }).waitFor();
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.tagName === 'H2';
    });
    assert.match(await focused(page), /^H2 What is it about\?/);
    await context.close();
  });
});
