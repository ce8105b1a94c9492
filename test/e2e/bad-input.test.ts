// Bad input to the element, end to end: missing and invalid URLs, an unreachable portal, a token
// server that is down or is not one, unknown preselected ids, odd attributes. Each gives a clear
// message in the widget and a `booking-error` event (or, where the input is harmless, just works);
// never a blank box, never an uncaught exception.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBackend, type StartedBackend } from '../../server/backend/node-adapter.js';
import { freePort } from '../support/free-port.js';
import { startStack, type Stack } from '../support/stack.js';
import { errorEvents, newTally, openLogged, printTally, type Opened } from '../support/faults.js';

let stack: Stack;
let closedPort: number;
/** A backend the portal refuses (a wrong client secret), with the practice's phone number. */
let refused: StartedBackend;
const refusedLog: string[] = [];
const PHONE = '030 1234567';
const tally = newTally();
before(async () => {
  stack = await startStack();
  closedPort = await freePort();
  refused = await startBackend(
    {
      port: 0,
      portalUrl: stack.portal,
      clientId: 'demo-client',
      clientSecret: 'not-the-secret',
      // Not the plain-http name: a page there is refused by origin.
      allowedOrigins: [stack.web.origin],
      practice: { phone: PHONE },
      rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 },
    },
    { warn: (line) => refusedLog.push(line) },
  );
});
after(async () => {
  printTally('bad-input', tally);
  await refused?.close();
  await stack?.close();
});

/** What the patient reads, word for word from src/i18n/{en,de}-core.ts and -steps.ts. */
const TEXT = {
  en: {
    title: 'Book an appointment',
    /** The first screen's heading, and its insurance question. */
    headings: { need: 'What do you need?', insurance: 'How are you insured?' },
    errors: {
      config: 'This booking form is not set up correctly. Please call the practice.',
      network: 'No connection. Please check your internet connection and try again.',
      backend:
        'Online booking is not available right now. Please try again later or call the practice.',
      not_found: 'This option is no longer available. Please choose again.',
    },
  },
  de: {
    title: 'Termin buchen',
    headings: { need: 'Was benötigen Sie?', insurance: 'Wie sind Sie versichert?' },
    errors: {
      config:
        'Dieses Buchungsformular ist nicht richtig eingerichtet. Bitte rufen Sie die Praxis an.',
      network: 'Keine Verbindung. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
      backend:
        'Die Online-Buchung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder rufen Sie die Praxis an.',
      not_found: 'Diese Auswahl gibt es nicht mehr. Bitte wählen Sie neu.',
    },
  },
} as const;
type Locale = keyof typeof TEXT;
type Code = keyof (typeof TEXT)[Locale]['errors'];
/** What the first screen then asks: the insurance (its radios), or a type (the list). */
type Asked = 'insurance' | 'type';

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

const good = (locale: Locale = 'en') => ({ locale });

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

const unreachableBackend: Case = (locale) => ({
  ...good(locale),
  backend: `http://127.0.0.1:${closedPort}/pb/`,
});
const refusingBackend: Case = (locale) => ({ ...good(locale), backend: `${refused.url}/` });

/** Unknown preselected ids: what the patient then chooses by hand on the first screen. */
const idCases: Array<[string, Record<string, string>, Asked]> = [
  ['an unknown insurance-id', { 'insurance-id': '999999' }, 'insurance'],
  ['an unknown appointment-type-id alone', { 'appointment-type-id': '999999' }, 'insurance'],
  [
    'an unknown appointment-category-id',
    { 'insurance-id': '136', 'appointment-category-id': '999999' },
    'type',
  ],
  [
    'an unknown appointment-type-id',
    { 'insurance-id': '136', 'appointment-category-id': '53', 'appointment-type-id': '999999' },
    'type',
  ],
  [
    'a type of another category',
    { 'insurance-id': '136', 'appointment-category-id': '54', 'appointment-type-id': '199' },
    'type',
  ],
];

async function assertChoosingByHand(ids: Record<string, string>, asked: Asked, locale: Locale) {
  const opened = await openWith({ ...good(locale), ...ids });
  await opened.page.getByRole('heading', { name: TEXT[locale].headings.need }).waitFor();
  if (asked === 'insurance') {
    await opened.page.getByRole('group', { name: TEXT[locale].headings.insurance }).waitFor();
    await opened.page.getByRole('radio').first().waitFor();
  } else {
    await opened.page.locator('[part~="option"]').first().waitFor();
    assert.equal(await opened.page.getByRole('radio').count(), 0, 'the insurance stays chosen');
  }
  await assertReported(opened, 'not_found', locale);
}

describe('bad input: configuration', () => {
  it('a backend attribute that is not a URL: named in the console, the widget books as usual', async () => {
    const opened = await openWith({ ...good(), backend: 'javascript:alert(1)' });
    const { page } = opened;
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    assert.ok(
      opened.console.some((line) => line.includes('backend="javascript:alert(1)"')),
      `a console line names the attribute: ${JSON.stringify(opened.console)}`,
    );
    // Reported as a misconfiguration (docs/diagnostics.md), nothing else.
    assert.deepEqual(
      (await errorEvents(page)).map((e) => e.setting),
      ['backend'],
    );
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });

  it('an id that is a path (../institutions): named in the console, the patient chooses', async () => {
    const opened = await openWith({ ...good(), 'appointment-type-id': '../institutions' });
    await opened.page.getByRole('group', { name: TEXT.en.headings.insurance }).waitFor();
    assert.ok(
      opened.console.some((line) => line.includes('appointment-type-id="../institutions"')),
    );
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });

  it('a page whose origin the backend does not serve: "not set up correctly", booking-error config', async () => {
    const path = `/bad-input-${++pages}.html`;
    stack.web.page(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dist/patient-booking.js"></script></head>
<body><patient-booking locale="en" backend="${refused.url}/"></patient-booking></body></html>`,
    );
    tally.badInputs += 1;
    const opened = await openLogged(stack, `${stack.web.plainOrigin}${path}`);
    await assertReported(opened, 'config');
  });

  it('a portal that refuses the backend: a log line at the backend, the phone and booking-error backend', async () => {
    const opened = await openWith(refusingBackend('en'));
    const link = opened.page.getByRole('link', { name: PHONE });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'tel:0301234567');
    await assertReported(opened, 'backend');
    assert.ok(
      refusedLog.some((line) =>
        /refused the client credentials of CLIENT_ID "demo-client"/.test(line),
      ),
      `the backend says what is wrong: ${JSON.stringify(refusedLog)}`,
    );
    assert.ok(
      refusedLog.every((line) => !line.includes('not-the-secret')),
      'never the secret',
    );
  });
});

describe('bad input: services that are down', () => {
  it('an unreachable backend: retried, then "No connection" and booking-error network', async () => {
    await assertReported(await openWith(unreachableBackend('en')), 'network');
  });
});

describe('bad input: preselected ids', () => {
  for (const [name, ids, asked] of idCases) {
    it(`${name}: reported (not_found), the patient chooses by hand`, () =>
      assertChoosingByHand(ids, asked, 'en'));
  }
});

// The same messages in German, from locale="de" alone: the page stays `lang="en"`, so English
// text (or the page language winning over the attribute) fails these.
describe('bad input, in German (locale="de")', () => {
  it('an unreachable backend: "Keine Verbindung" and booking-error network', async () => {
    await assertReported(await openWith(unreachableBackend('de')), 'network', 'de');
  });

  it('a portal that refuses the backend: "Die Online-Buchung ist gerade nicht erreichbar"', async () => {
    await assertReported(await openWith(refusingBackend('de')), 'backend', 'de');
  });

  // One per part of the first screen a wrong id leaves open.
  const ids = [
    'an unknown insurance-id',
    'an unknown appointment-category-id',
    'an unknown appointment-type-id',
  ];
  for (const [name, preselected, asked] of idCases.filter(([n]) => ids.includes(n))) {
    it(`${name}: "Diese Auswahl gibt es nicht mehr", the patient chooses by hand`, () =>
      assertChoosingByHand(preselected, asked, 'de'));
  }
});

describe('bad input: harmless oddities', () => {
  it('an unknown locale and theme: German (the page language), named, no other error', async () => {
    const opened = await openWith({ ...good(), locale: 'xx-YY', theme: 'neon' }, 'de');
    await opened.page.getByRole('heading', { name: 'Termin buchen' }).waitFor();
    await opened.page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    const settings = (await errorEvents(opened.page)).map((e) => e.setting);
    assert.deepEqual(settings.sort(), ['locale', 'theme']);
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });
});
