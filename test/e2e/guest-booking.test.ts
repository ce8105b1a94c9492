// A full guest booking in real Chromium against the sandbox portal and the token server,
// driven only by roles, labels and the keyboard, as a patient would.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eventsOf, openPage, startStack, widgetPage, type Stack } from '../support/stack.js';

let stack: Stack;
/** The practice's privacy notice, set where the backend is deployed (PRIVACY_URL). */
const PRIVACY_URL = 'https://praxis.example/datenschutz';
before(async () => {
  stack = await startStack({ backend: { practice: { privacyUrl: PRIVACY_URL } } });
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

/** The common case's choices, with the pointer: insurance, category, type, the first time. */
async function chooseFirstTime(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Techniker Krankenkasse/ }).click();
  await page.getByRole('button', { name: /Allgemeinmedizin/ }).click();
  await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
  await page
    .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
    .first()
    .click();
}

async function bookWithMouse(page: Page, lang: keyof typeof LABELS) {
  const l = LABELS[lang];
  await chooseFirstTime(page);
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
        'endsAt',
        'guest',
        'startsAt',
      ]);
      assert.equal(confirmed.detail.guest, true);
      // Nothing that reveals a condition: not even the appointment type (a catalogue turns an id
      // into "psychotherapy"), since host pages forward these events to analytics.
      assert.equal('appointmentTypeId' in confirmed.detail, false);
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

  const KEYBOARD = {
    en: {
      browser: 'en-US',
      category: 'What is it about?',
      type: 'Which appointment do you need?',
      first: /First name/,
      last: /Last name/,
      born: [/Date of birth/, '12.04.1980'],
      email: /Email address/,
      mobile: /Mobile number/,
      note: /Note to the practice/,
      next: /BUTTON Continue/,
      privacy: ['When you book, your details are sent to the practice.', 'Privacy notice'],
      book: /^Book now$/,
      bookKey: /BUTTON Book now/,
      booked: /booked/i,
    },
    de: {
      browser: 'de-DE',
      category: 'Worum geht es?',
      type: 'Welcher Termin passt?',
      first: /Vorname/,
      last: /Nachname/,
      // Day, month, year whatever the browser's language; digits alone (a phone's number pad) too.
      born: [/Geburtsdatum/, '12041980'],
      email: /E-Mail-Adresse/,
      mobile: /Handynummer/,
      note: /Nachricht an die Praxis/,
      next: /BUTTON Weiter/,
      privacy: [
        'Mit der Buchung werden Ihre Angaben an die Praxis übermittelt.',
        'Datenschutzhinweise',
      ],
      book: /^Verbindlich buchen$/,
      bookKey: /BUTTON Verbindlich buchen/,
      booked: /gebucht/i,
    },
    // The third language: its first-step strings come in a file of their own.
    tr: {
      browser: 'tr-TR',
      category: 'Konu nedir?',
      type: 'Hangi randevu uygun?',
      first: /\bAd\s*$/,
      last: /Soyadı/,
      born: [/Doğum tarihi/, '12.4.1980'],
      email: /E-posta adresi/,
      mobile: /Cep telefonu/,
      note: /Muayenehaneye not/,
      next: /BUTTON Devam/,
      privacy: ['Randevu aldığınızda bilgileriniz muayenehaneye iletilir.', 'Gizlilik bildirimi'],
      book: /^Kesin olarak randevu al$/,
      bookKey: /BUTTON Kesin olarak randevu al/,
      booked: /alındı/i,
    },
  } as const;

  for (const [locale, w] of Object.entries(KEYBOARD)) {
    it(`books with the keyboard alone (${locale})`, async () => {
      const url = widgetPage(stack, `/keyboard-${locale}.html`, { locale }, locale);
      const { page, problems, context } = await openPage(stack, url, { locale: w.browser });
      await page.getByRole('button', { name: /Techniker Krankenkasse/ }).waitFor();
      const press = async (pattern: RegExp, key = 'Enter') => {
        await tabTo(page, pattern);
        await page.keyboard.press(key);
      };
      await press(/Techniker Krankenkasse/);
      await page.getByRole('heading', { name: w.category }).waitFor();
      await press(/Allgemeinmedizin/, 'Space');
      await page.getByRole('heading', { name: w.type }).waitFor();
      await press(/Hausärztliche Beratung/);
      await page
        .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
        .first()
        .waitFor();
      await press(/^BUTTON \d{1,2}:\d{2}/);
      await page.getByLabel(w.first).waitFor();
      // Under the form: where the details go, and the practice's privacy notice from the backend.
      const [notice, linkText] = w.privacy;
      const privacy = page.getByText(notice);
      assert.equal(await privacy.count(), 1);
      const link = page.getByRole('link', { name: new RegExp(`^${linkText}`) });
      assert.equal(await link.getAttribute('href'), PRIVACY_URL);
      const type = async (pattern: RegExp, text: string) => {
        await tabTo(page, pattern);
        await page.keyboard.type(text);
      };
      await type(w.first, 'Erika');
      await type(w.last, 'Mustermann');
      await type(w.born[0], w.born[1]);
      await type(w.email, 'erika@example.com');
      await type(w.mobile, '+49 151 23456789');
      await type(w.note, 'Ich bringe den Impfpass mit.');
      await press(w.next);
      await page.getByRole('button', { name: w.book }).waitFor();
      await press(w.bookKey);
      await page.getByRole('heading', { name: w.booked }).waitFor();
      const [booking] = await bookings();
      assert.equal((booking?.patient_data as Record<string, unknown>).born_on, '1980-04-12');
      assert.deepEqual(booking?.structured_comment, { note: 'Ich bringe den Impfpass mit.' });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('asks before the page is left with typed details, and only then', async () => {
    const url = widgetPage(stack, '/leave.html', { locale: 'en' }, 'en');
    const dialogsOnClose = async (prepare: (page: Page) => Promise<void>) => {
      const { page, context } = await openPage(stack, url);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.type());
        void d.accept();
      });
      await prepare(page);
      await page.close({ runBeforeUnload: true });
      await page.waitForEvent('close');
      await context.close();
      return dialogs;
    };
    const toDetails = async (page: Page) => {
      await chooseFirstTime(page);
      await page.getByLabel(LABELS.en.firstName).waitFor();
    };
    // Nothing typed yet: the page goes without a question.
    assert.deepEqual(await dialogsOnClose(toDetails), []);
    // A typed name: the browser asks first.
    const typed = await dialogsOnClose(async (page) => {
      await toDetails(page);
      await page.getByLabel(LABELS.en.firstName).fill('Erika');
      await page.getByLabel(LABELS.en.lastName).click(); // the input event has reached the widget
    });
    assert.deepEqual(typed, ['beforeunload']);
    // Booked: nothing left to lose.
    const booked = await dialogsOnClose((page) => bookWithMouse(page, 'en'));
    assert.deepEqual(booked, []);
  });

  it('moves focus to the new step heading after each choice', async () => {
    const { page, context } = await openPage(
      stack,
      widgetPage(stack, '/focus.html', { locale: 'en' }),
    );
    const headingFocused = async (name: string) => {
      await page
        .waitForFunction(
          (text) => {
            let el: Element | null = document.activeElement;
            while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
            return el?.tagName === 'H2' && !!el.textContent?.trim().endsWith(text);
          },
          name,
          { timeout: 5_000 },
        )
        .catch(async () => {
          throw new Error(`focus on "${name}" expected, found: ${await focused(page)}`);
        });
    };
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).click();
    await headingFocused('What is it about?');
    await page.getByRole('button', { name: /Allgemeinmedizin/ }).click();
    await headingFocused('Which appointment do you need?');
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await headingFocused('When suits you?');
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    await headingFocused('Your details');
    await page.getByLabel('First name').fill('Erika');
    await page.getByLabel('Last name').fill('Mustermann');
    await page.getByLabel('Email address').fill('erika@example.com');
    await page.getByLabel('Date of birth').fill('1980-04-12');
    await page.getByLabel('Mobile number').fill('+49 151 23456789');
    await page.getByRole('button', { name: 'Continue' }).click();
    await headingFocused('Please check your booking');
    await page.getByRole('button', { name: /^Book now$/ }).click();
    await headingFocused('Your appointment is booked');
    await context.close();
  });
});

describe('one origin', () => {
  it('every request of the pages above went to the backend (none to the portal or elsewhere)', () => {
    assert.deepEqual(stack.foreignRequests, []);
  });
});
