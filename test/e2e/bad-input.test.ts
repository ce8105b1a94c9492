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

const MESSAGES = {
  config: 'This booking form is not set up correctly. Please call the practice.',
  network: 'No connection. Please check your internet connection and try again.',
  token_server:
    'Online booking is not available right now. Please try again later or call the practice.',
  not_found: 'This option is no longer available. Please choose again.',
} as const;
type Code = keyof typeof MESSAGES;

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

const good = () => ({ 'portal-url': stack.portal, 'token-url': stack.tokenUrl, locale: 'en' });

/** The (last) widget is not blank: its title shows, and so does `message` in an alert. */
async function assertMessage(page: Page, message: string): Promise<void> {
  const widget = page.locator('patient-booking').last();
  await widget.getByRole('alert').filter({ hasText: message }).first().waitFor();
  assert.ok(await widget.getByRole('heading', { name: 'Book an appointment' }).isVisible());
}

async function assertReported(opened: Opened, code: Code): Promise<void> {
  const { page } = opened;
  await assertMessage(page, MESSAGES[code]);
  const codes = (await errorEvents(page)).map((e) => e.code);
  assert.ok(codes.includes(code), `booking-error ${code}, got ${JSON.stringify(codes)}`);
  assert.deepEqual(opened.uncaught, [], 'no uncaught exception');
  await opened.context.close();
}

describe('bad input: configuration', () => {
  const configCases: Array<[string, () => Record<string, string>]> = [
    ['no portal-url', () => ({ 'token-url': stack.tokenUrl, locale: 'en' })],
    ['an empty portal-url', () => ({ ...good(), 'portal-url': '' })],
    ['portal-url that is not a URL', () => ({ ...good(), 'portal-url': 'not a url' })],
    ['a javascript: portal-url', () => ({ ...good(), 'portal-url': 'javascript:alert(1)' })],
    ['an ftp: portal-url', () => ({ ...good(), 'portal-url': 'ftp://portal.example' })],
    ['a javascript: api-url', () => ({ ...good(), 'api-url': 'javascript:alert(1)' })],
    ['a data: token-url', () => ({ ...good(), 'token-url': 'data:text/plain,token' })],
    ['neither token-url nor client-id', () => ({ 'portal-url': stack.portal, locale: 'en' })],
  ];
  for (const [name, attrs] of configCases) {
    it(`${name}: "not set up correctly" and booking-error config`, async () => {
      const opened = await openWith(attrs());
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
    await assertMessage(page, MESSAGES.config);
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
    const opened = await openWith({ ...good(), 'portal-url': `http://127.0.0.1:${closedPort}` });
    await assertReported(opened, 'network');
  });

  it('a token server that is down: "Online booking is not available" and booking-error token_server', async () => {
    const opened = await openWith({
      ...good(),
      'token-url': `http://127.0.0.1:${closedPort}/token`,
    });
    await assertReported(opened, 'token_server');
  });

  it('a token-url that is no token server (404): "Online booking is not available"', async () => {
    const opened = await openWith({ ...good(), 'token-url': `${stack.portal}/no-token-here` });
    await assertReported(opened, 'token_server');
  });
});

describe('bad input: preselected ids', () => {
  const idCases: Array<[string, Record<string, string>, string]> = [
    ['an unknown insurance-id', { 'insurance-id': '999999' }, 'How are you insured?'],
    [
      'an unknown appointment-type-id alone',
      { 'appointment-type-id': '999999' },
      'How are you insured?',
    ],
    [
      'an unknown appointment-category-id',
      { 'insurance-id': '136', 'appointment-category-id': '999999' },
      'What is it about?',
    ],
    [
      'an unknown appointment-type-id',
      { 'insurance-id': '136', 'appointment-category-id': '53', 'appointment-type-id': '999999' },
      'Which appointment do you need?',
    ],
    [
      'an appointment-type-id that is a path (../institutions)',
      { 'appointment-type-id': '../institutions' },
      'How are you insured?',
    ],
    [
      'a type of another category',
      { 'insurance-id': '136', 'appointment-category-id': '54', 'appointment-type-id': '199' },
      'Which appointment do you need?',
    ],
  ];
  for (const [name, ids, heading] of idCases) {
    it(`${name}: reported (not_found), the patient chooses by hand`, async () => {
      const opened = await openWith({ ...good(), ...ids });
      await opened.page.getByRole('heading', { name: heading }).waitFor();
      await opened.page.locator('[part~="option"]').first().waitFor();
      await assertReported(opened, 'not_found');
    });
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
