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
    book: /^Book appointment$/,
    done: /booked/i,
  },
  de: {
    firstName: 'Vorname',
    lastName: 'Nachname',
    bornOn: 'Geburtsdatum',
    email: 'E-Mail-Adresse',
    mobile: 'Handynummer',
    book: /^Termin verbindlich buchen$/,
    done: /gebucht/i,
  },
} as const;

const PATIENT = ['Erika', 'Mustermann', 'erika@example.com', '1980-04-12', '+49 151 23456789'];

/** The common case's choices, with the pointer: insurance and type (one screen), the first time. */
async function chooseFirstTime(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
  await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
  await page
    .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
    .first()
    .click();
}

/** The details typed with the pointer, then the booking button, until the confirmation. */
async function fillAndBook(page: Page, l: (typeof LABELS)[keyof typeof LABELS]): Promise<void> {
  await page.getByLabel(l.firstName).fill(PATIENT[0]!);
  await page.getByLabel(l.lastName).fill(PATIENT[1]!);
  await page.getByLabel(l.bornOn).fill(PATIENT[3]!);
  await page.getByLabel(l.email).fill(PATIENT[2]!);
  await page.getByLabel(l.mobile).fill(PATIENT[4]!);
  await page.getByRole('button', { name: l.book }).click();
  await page.getByRole('heading', { name: l.done }).waitFor();
}

async function bookWithMouse(page: Page, lang: keyof typeof LABELS) {
  const l = LABELS[lang];
  await chooseFirstTime(page);
  await fillAndBook(page, l);
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
      assert.deepEqual(steps, ['type', 'time', 'details', 'confirmed']);
      assertNoPatientData(events);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  const KEYBOARD = {
    en: {
      browser: 'en-US',
      first: /First name/,
      last: /Last name/,
      born: [/Date of birth/, '12.04.1980'],
      email: /Email address/,
      mobile: /Mobile number/,
      note: /Note to the practice/,
      privacy: ['When you book, your details are sent to the practice.', 'Privacy notice'],
      book: /^Book appointment$/,
      bookKey: /BUTTON Book appointment/,
      booked: /booked/i,
    },
    de: {
      browser: 'de-DE',
      first: /Vorname/,
      last: /Nachname/,
      // Day, month, year whatever the browser's language; digits alone (a phone's number pad) too.
      born: [/Geburtsdatum/, '12041980'],
      email: /E-Mail-Adresse/,
      mobile: /Handynummer/,
      note: /Nachricht an die Praxis/,
      privacy: [
        'Mit der Buchung werden Ihre Angaben an die Praxis übermittelt.',
        'Datenschutzhinweise',
      ],
      book: /^Termin verbindlich buchen$/,
      bookKey: /BUTTON Termin verbindlich buchen/,
      booked: /gebucht/i,
    },
    // The third language: its first-step strings come in a file of their own.
    tr: {
      browser: 'tr-TR',
      first: /\bAd\s*$/,
      last: /Soyadı/,
      born: [/Doğum tarihi/, '12.4.1980'],
      email: /E-posta adresi/,
      mobile: /Cep telefonu/,
      note: /Muayenehaneye not/,
      privacy: ['Randevu aldığınızda bilgileriniz muayenehaneye iletilir.', 'Gizlilik bildirimi'],
      book: /^Randevuyu kesin olarak al$/,
      bookKey: /BUTTON Randevuyu kesin olarak al/,
      booked: /alındı/i,
    },
  } as const;

  for (const [locale, w] of Object.entries(KEYBOARD)) {
    it(`books with the keyboard alone (${locale})`, async () => {
      const url = widgetPage(stack, `/keyboard-${locale}.html`, { locale }, locale);
      const { page, problems, context } = await openPage(stack, url, { locale: w.browser });
      await page.getByRole('radio', { name: /AOK Nordost/ }).waitFor();
      const press = async (pattern: RegExp, key = 'Enter') => {
        await tabTo(page, pattern);
        await page.keyboard.press(key);
      };
      // The insurance radios: Tab into the group, the arrow keys choose (AOK, then TK).
      await press(/INPUT\s.*AOK Nordost/, 'Space');
      await page.keyboard.press('ArrowDown');
      await page.getByRole('button', { name: /Hausärztliche Beratung/ }).waitFor();
      assert.equal(await page.getByRole('radio', { name: /Techniker/ }).isChecked(), true);
      await press(/Hausärztliche Beratung/, 'Space');
      await page
        .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
        .first()
        .waitFor();
      await press(/^BUTTON \d{1,2}:\d{2}/);
      await page.getByLabel(w.first).waitFor();
      await page.getByRole('button', { name: w.book }).waitFor(); // booking is on this screen
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
      await press(w.bookKey); // the booking button under the form: books
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
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
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
    await page.getByRole('button', { name: /^Book appointment$/ }).click();
    await headingFocused('Your appointment is booked');
    await context.close();
  });
});

describe('fewer screens', () => {
  /** The screens a booking showed, from the `booking-step-change` events (the confirmation aside). */
  async function screensOf(page: Page): Promise<unknown[]> {
    return (await eventsOf(page))
      .filter((e) => e.type === 'booking-step-change' && e.detail.step !== 'confirmed')
      .map((e) => e.detail.step);
  }

  it('a guest books in 3 screens in the common case', async () => {
    const { page, problems, context } = await openPage(
      stack,
      widgetPage(stack, '/screens.html', { locale: 'en' }),
    );
    await bookWithMouse(page, 'en');
    assert.deepEqual(await screensOf(page), ['type', 'time', 'details']);
    assert.equal((await bookings()).length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('and in 2 where the host preselected the insurance and the type', async () => {
    const url = widgetPage(stack, '/screens-preset.html', {
      locale: 'en',
      'insurance-id': '136',
      'appointment-type-id': '199',
    });
    const { page, problems, context } = await openPage(stack, url);
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    const l = LABELS.en;
    await fillAndBook(page, l);
    assert.deepEqual(await screensOf(page), ['time', 'details']);
    // A preselected type cannot be changed here: the summary offers the time only.
    assert.equal(await page.getByRole('button', { name: 'Change: Appointment' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('Back and "Change" keep the chosen time and the typed details', async () => {
    const { page, problems, context } = await openPage(
      stack,
      widgetPage(stack, '/keep.html', { locale: 'en' }),
    );
    const times = page.getByRole('button', { name: /^\d{1,2}:\d{2}/ });
    const pressed = (locator: ReturnType<Page['getByRole']>) =>
      locator.getAttribute('aria-pressed');
    const type = page.getByRole('button', { name: /Hausärztliche Beratung/ });
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await type.click();
    const second = (await times.nth(1).textContent())!.trim();
    await times.nth(1).click();
    const first = page.getByLabel('First name');
    await first.fill('Erika');
    await page.getByLabel('Last name').fill('Mustermann');
    const summary = page.getByRole('region', { name: 'Your choice' });
    assert.match((await summary.textContent())!, new RegExp(second));

    // Back: the time is still chosen; back again: insurance and type too.
    await page.getByRole('button', { name: 'Back' }).click();
    const chosenTime = page.getByRole('button', { name: new RegExp(`^${second}`) });
    assert.equal(await pressed(chosenTime), 'true');
    await page.getByRole('button', { name: 'Back' }).click();
    assert.equal(await page.getByRole('radio', { name: /Techniker/ }).isChecked(), true);
    assert.equal(await pressed(type), 'true');
    // The same type again: the time as it was; the same time: the details as they were.
    await type.click();
    assert.equal(await pressed(chosenTime), 'true');
    await chosenTime.click();
    assert.equal(await first.inputValue(), 'Erika');

    // "Change" the appointment, choose the same: straight back to the details, all kept.
    await page.getByRole('button', { name: 'Change: Appointment' }).click();
    await type.click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    assert.equal(await first.inputValue(), 'Erika');
    assert.match((await summary.textContent())!, new RegExp(second));

    // "Change" the time: another one; the details stay.
    await page.getByRole('button', { name: 'Change: Date and time' }).click();
    assert.equal(await pressed(chosenTime), 'true');
    const third = (await times.nth(2).textContent())!.trim();
    await times.nth(2).click();
    assert.equal(await first.inputValue(), 'Erika');
    assert.equal(await page.getByLabel('Last name').inputValue(), 'Mustermann');
    assert.match((await summary.textContent())!, new RegExp(third));

    await page.getByLabel('Email address').fill(PATIENT[2]!);
    await page.getByLabel('Date of birth').fill(PATIENT[3]!);
    await page.getByLabel('Mobile number').fill(PATIENT[4]!);
    await page.getByRole('button', { name: /^Book appointment$/ }).click();
    await page.getByRole('heading', { name: /booked/i }).waitFor();
    const [booking] = await bookings();
    assert.equal((booking?.patient_data as Record<string, unknown>).first_name, 'Erika');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('one origin', () => {
  it('every request of the pages above went to the backend (none to the portal or elsewhere)', () => {
    assert.deepEqual(stack.foreignRequests, []);
  });
});

describe('the first screen stays put', () => {
  // The backend's configuration (login offered or not, the phone number) comes after the first
  // step's data, on a connection of its own: on a real network often after the first screen.
  for (const login of [true, false]) {
    it(`when the backend's configuration comes after it (${login ? 'login offered' : 'no login'}): the choices do not move`, async () => {
      const context = await stack.browser.newContext();
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route(/\/dist\/config$/, async (route) => {
        await held;
        const response = await route.fetch();
        const json = (await response.json()) as Record<string, unknown>;
        if (!login) delete json.login;
        await route.fulfill({ response, json });
      });
      const page = await context.newPage();
      await page.goto(widgetPage(stack, '/late-config.html', { locale: 'en' }, 'en'));
      const radio = page.getByRole('radio', { name: /Techniker Krankenkasse/ });
      await radio.waitFor();
      const before = await radio.boundingBox();
      const answered = page.waitForResponse(/\/dist\/config$/);
      release();
      await answered;
      if (login) await page.getByRole('button', { name: 'Sign in' }).waitFor();
      // Two frames: the answer read and the widget rendered with it.
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
      );
      assert.deepEqual(await radio.boundingBox(), before, 'the insurances stayed where they were');
      // A place kept for a bar that does not come goes with the next step, not under the pointer.
      await radio.check();
      await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
      await page
        .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
        .first()
        .waitFor();
      assert.equal(
        await page.locator('patient-booking .sign-in-bar.reserved').count(),
        0,
        'no kept place on the next step',
      );
      await context.close();
    });
  }
});
