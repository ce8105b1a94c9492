// Bad input to the element, end to end: missing and invalid URLs, an unreachable portal, a token
// server that is down or is not one, unknown preselected ids, odd attributes. Each gives a clear
// message in the widget and a `booking-error` event (or, where the input is harmless, just works);
// never a blank box, never an uncaught exception.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack.js';
import { errorEvents, newTally, openLogged, printTally, type Opened } from '../support/faults.js';

let stack: Stack;
let closedPort: number;
const tally = newTally();
before(async () => {
  stack = await startStack();
  closedPort = await freePort();
});
after(async () => {
  printTally('bad-input', tally);
  await stack?.close();
});

/** A port nothing listens on (taken from the OS, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What the patient reads, word for word from src/i18n/{en,de}-core.ts and -steps.ts. */
const TEXT = {
  en: {
    title: 'Book an appointment',
    headings: {
      insurance: 'How are you insured?',
      category: 'What is it about?',
      type: 'Which appointment do you need?',
    },
    errors: {
      config: 'This booking form is not set up correctly. Please call the practice.',
      network: 'No connection. Please check your internet connection and try again.',
      token_server:
        'Online booking is not available right now. Please try again later or call the practice.',
      not_found: 'This option is no longer available. Please choose again.',
    },
  },
  de: {
    title: 'Termin buchen',
    headings: {
      insurance: 'Wie sind Sie versichert?',
      category: 'Worum geht es?',
      type: 'Welcher Termin passt?',
    },
    errors: {
      config:
        'Dieses Buchungsformular ist nicht richtig eingerichtet. Bitte rufen Sie die Praxis an.',
      network: 'Keine Verbindung. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
      token_server:
        'Die Online-Buchung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder rufen Sie die Praxis an.',
      not_found: 'Diese Auswahl gibt es nicht mehr. Bitte wählen Sie neu.',
    },
  },
} as const;
type Locale = keyof typeof TEXT;
type Code = keyof (typeof TEXT)[Locale]['errors'];
type Heading = keyof (typeof TEXT)[Locale]['headings'];

let pages = 0;
/** A page with exactly these attributes on the element (none added). */
async function openWith(attrs: Record<string, string>, lang = 'en'): Promise<Opened> {
  const path = `/bad-input-${++pages}.html`;
  const attributes = Object.entries(attrs)
    .map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join(' ');
  stack.web.page(
    path,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dist/patient-booking.js"></script></head>
<body><patient-booking ${attributes}></patient-booking></body></html>`,
  );
  tally.badInputs += 1;
  return openLogged(stack, `${stack.web.origin}${path}`);
}

const good = (locale: Locale = 'en') => ({
  'portal-url': stack.portal,
  'token-url': stack.tokenUrl,
  locale,
});

/** The (last) widget is not blank: its title shows, and so does `message` in an alert. */
async function assertMessage(page: Page, message: string, locale: Locale = 'en'): Promise<void> {
  const widget = page.locator('patient-booking').last();
  await widget.getByRole('alert').filter({ hasText: message }).first().waitFor();
  const title = widget.getByRole('heading', { name: TEXT[locale].title, exact: true });
  assert.ok(await title.isVisible());
}

async function assertReported(opened: Opened, code: Code, locale: Locale = 'en'): Promise<void> {
  const { page } = opened;
  await assertMessage(page, TEXT[locale].errors[code], locale);
  const codes = (await errorEvents(page)).map((e) => e.code);
  assert.ok(codes.includes(code), `booking-error ${code}, got ${JSON.stringify(codes)}`);
  assert.deepEqual(opened.uncaught, [], 'no uncaught exception');
  await opened.context.close();
}

/** Attributes for one case, in the widget's language `locale`. */
type Case = (locale: Locale) => Record<string, string>;

const configCases: Array<[string, Case]> = [
  ['no portal-url', (locale) => ({ 'token-url': stack.tokenUrl, locale })],
  ['an empty portal-url', (locale) => ({ ...good(locale), 'portal-url': '' })],
  ['portal-url that is not a URL', (locale) => ({ ...good(locale), 'portal-url': 'not a url' })],
  [
    'a javascript: portal-url',
    (locale) => ({ ...good(locale), 'portal-url': 'javascript:alert(1)' }),
  ],
  ['an ftp: portal-url', (locale) => ({ ...good(locale), 'portal-url': 'ftp://portal.example' })],
  ['a javascript: api-url', (locale) => ({ ...good(locale), 'api-url': 'javascript:alert(1)' })],
  ['a data: token-url', (locale) => ({ ...good(locale), 'token-url': 'data:text/plain,token' })],
  ['neither token-url nor client-id', (locale) => ({ 'portal-url': stack.portal, locale })],
];

const unreachablePortal: Case = (locale) => ({
  ...good(locale),
  'portal-url': `http://127.0.0.1:${closedPort}`,
});
const tokenServerDown: Case = (locale) => ({
  ...good(locale),
  'token-url': `http://127.0.0.1:${closedPort}/token`,
});

/** Unknown preselected ids: the step where the patient then chooses by hand. */
const idCases: Array<[string, Record<string, string>, Heading]> = [
  ['an unknown insurance-id', { 'insurance-id': '999999' }, 'insurance'],
  ['an unknown appointment-type-id alone', { 'appointment-type-id': '999999' }, 'insurance'],
  [
    'an unknown appointment-category-id',
    { 'insurance-id': '136', 'appointment-category-id': '999999' },
    'category',
  ],
  [
    'an unknown appointment-type-id',
    { 'insurance-id': '136', 'appointment-category-id': '53', 'appointment-type-id': '999999' },
    'type',
  ],
  [
    'an appointment-type-id that is a path (../institutions)',
    { 'appointment-type-id': '../institutions' },
    'insurance',
  ],
  [
    'a type of another category',
    { 'insurance-id': '136', 'appointment-category-id': '54', 'appointment-type-id': '199' },
    'type',
  ],
];

async function assertChoosingByHand(ids: Record<string, string>, heading: Heading, locale: Locale) {
  const opened = await openWith({ ...good(locale), ...ids });
  await opened.page.getByRole('heading', { name: TEXT[locale].headings[heading] }).waitFor();
  await opened.page.locator('[part~="option"]').first().waitFor();
  await assertReported(opened, 'not_found', locale);
}

describe('bad input: configuration', () => {
  for (const [name, attrs] of configCases) {
    it(`${name}: "not set up correctly" and booking-error config`, async () => {
      const opened = await openWith(attrs('en'));
      assert.deepEqual(opened.dialogs, []);
      await assertReported(opened, 'config');
    });
  }

  it('portal-url of a server that is not the portal (404 everywhere): "not set up correctly"', async () => {
    await assertReported(await openWith({ ...good(), 'portal-url': stack.web.origin }), 'config');
  });

  it('made with document.createElement and no attributes at all: "not set up correctly"', async () => {
    const opened = await openWith({ locale: 'en' });
    await opened.page.evaluate(() => {
      document.body.append(document.createElement('patient-booking'));
    });
    assert.equal(await opened.page.locator('patient-booking').count(), 2);
    await assertReported(opened, 'config');
  });

  it('a portal-url changed to garbage after start, then back: the message, then the widget again', async () => {
    const opened = await openWith(good());
    const { page } = opened;
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).waitFor();
    await page.locator('patient-booking').evaluate((el) => el.setAttribute('portal-url', '::'));
    await assertMessage(page, TEXT.en.errors.config);
    await page
      .locator('patient-booking')
      .evaluate((el, portal) => el.setAttribute('portal-url', portal), stack.portal);
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'the message is gone');
    tally.badInputs += 1;
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });
});

describe('bad input: services that are down', () => {
  it('an unreachable portal: retried, then "No connection" and booking-error network', async () => {
    await assertReported(await openWith(unreachablePortal('en')), 'network');
  });

  it('a token server that is down: "Online booking is not available" and booking-error token_server', async () => {
    await assertReported(await openWith(tokenServerDown('en')), 'token_server');
  });

  it('a token-url that is no token server (404): "Online booking is not available"', async () => {
    const opened = await openWith({ ...good(), 'token-url': `${stack.portal}/no-token-here` });
    await assertReported(opened, 'token_server');
  });
});

describe('bad input: preselected ids', () => {
  for (const [name, ids, heading] of idCases) {
    it(`${name}: reported (not_found), the patient chooses by hand`, () =>
      assertChoosingByHand(ids, heading, 'en'));
  }
});

// The same messages in German, from locale="de" alone: the page stays `lang="en"`, so English
// text (or the page language winning over the attribute) fails these.
describe('bad input, in German (locale="de")', () => {
  const german = ['no portal-url', 'a javascript: portal-url', 'neither token-url nor client-id'];
  for (const [name, attrs] of configCases.filter(([n]) => german.includes(n))) {
    it(`${name}: "nicht richtig eingerichtet" and booking-error config`, async () => {
      await assertReported(await openWith(attrs('de')), 'config', 'de');
    });
  }

  it('an unreachable portal: "Keine Verbindung" and booking-error network', async () => {
    await assertReported(await openWith(unreachablePortal('de')), 'network', 'de');
  });

  it('a token server that is down: "Die Online-Buchung ist gerade nicht erreichbar"', async () => {
    await assertReported(await openWith(tokenServerDown('de')), 'token_server', 'de');
  });

  // One per step a wrong id sends the patient back to: all three headings.
  const ids = [
    'an unknown insurance-id',
    'an unknown appointment-category-id',
    'an unknown appointment-type-id',
  ];
  for (const [name, preselected, heading] of idCases.filter(([n]) => ids.includes(n))) {
    it(`${name}: "Diese Auswahl gibt es nicht mehr", the patient chooses by hand`, () =>
      assertChoosingByHand(preselected, heading, 'de'));
  }
});

describe('bad input: harmless oddities', () => {
  it('an unknown locale and theme: German (the page language), no error', async () => {
    const opened = await openWith({ ...good(), locale: 'xx-YY', theme: 'neon' }, 'de');
    await opened.page.getByRole('heading', { name: 'Termin buchen' }).waitFor();
    await opened.page.getByRole('button', { name: /Techniker Krankenkasse/ }).waitFor();
    assert.deepEqual(await errorEvents(opened.page), []);
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });
});
