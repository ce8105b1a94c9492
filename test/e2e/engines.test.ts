// The end-to-end smoke in the other engines: Firefox ESR (puppeteer-core over WebDriver BiDi) and
// WebKitGTK (MiniBrowser over W3C WebDriver, on a private Xvfb display). The same scenario in each,
// against the real sandbox and backend: a guest books in script-tag, CMS-markup and iframe mode;
// a patient signs in through the login popup and moves an appointment. The widget's public events
// and the sandbox's stored appointments are checked. Chromium runs the full suites (playwright).
import { PUBLIC_EVENTS } from '../../src/contract/events.js';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServers, type Servers } from '../support/stack.js';
import { assertConfirmedAsStored, GUEST_STEP_CHANGES } from '../support/embed-pages.js';
import { DEMO_PATIENT, seededAppointment } from '../support/login.js';
import { until, type Engine, type EnginePage, type Scope } from '../support/engines/driver.js';
import { launchFirefox } from '../support/engines/firefox.js';
import { launchWebKit } from '../support/engines/webkit.js';

/** Each scenario's bound: a booking takes a few seconds; a stuck wait fails after 10 s. */
const SCENARIO = { timeout: 60_000 };

let servers: Servers;
before(async () => {
  servers = await startServers();
});
after(() => servers?.close());
beforeEach(() => servers.control('/reset'));

/**
 * In the host page's head, before the widget: every public event with the id of the nearest
 * element with an id around its target, and every uncaught error.
 */
const RECORDER = `<script>(() => {
  const seen = (window.__seen = { events: [], errors: [] });
  for (const type of ${JSON.stringify(PUBLIC_EVENTS)}) {
    document.addEventListener(type, (e) => {
      const host = e.target && e.target.closest ? e.target.closest('[id]') : null;
      seen.events.push({ type, detail: e.detail, host: host ? host.id : null });
    });
  }
  addEventListener('error', (e) => seen.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => seen.errors.push(String(e.reason)));
})();</script>`;

interface Seen {
  events: Array<{ type: string; detail: Record<string, unknown>; host: string | null }>;
  errors: string[];
}

function hostPage(path: string, head: string, body: string): string {
  servers.web.page(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Praxis</title>
<link rel="icon" href="data:,">${RECORDER}${head}</head><body>${body}</body></html>`,
  );
  return `${servers.web.origin}${path}`;
}

const seen = (page: EnginePage) => page.evaluate<Seen>('return window.__seen;');

const TYPE = { role: 'button', name: /Hausärztliche Beratung/ } as const;

/** The insurance radio, then its types; as a patient would, it chooses again once if none came. */
async function chooseInsurance(scope: Scope): Promise<void> {
  const insurance = { label: /Techniker Krankenkasse/ } as const;
  await scope.click(insurance);
  const listed = await until('the types', () => scope.isVisible(TYPE), 3000).catch(() => false);
  if (!listed) await scope.click(insurance);
}

/** Techniker Krankenkasse (a radio) and Hausärztliche Beratung, the first time, a guest. */
async function bookAsGuest(scope: Scope): Promise<void> {
  await chooseInsurance(scope);
  await scope.click(TYPE);
  await scope.click({ role: 'button', name: /^\d{1,2}:\d{2}/ });
  await scope.type({ label: /^First name/ }, 'Erika');
  await scope.type({ label: /^Last name/ }, 'Mustermann');
  await scope.type({ label: /^Email address/ }, 'erika@example.com');
  await scope.type({ label: /^Date of birth/ }, '1980-04-12');
  if (await scope.isVisible({ label: /^Mobile number/ })) {
    await scope.type({ label: /^Mobile number/ }, '+49 151 23456789');
  }
  await bookNow(scope);
}

const BOOKED = { role: 'heading', name: 'Your appointment is booked' } as const;

/**
 * "Book appointment", then the confirmation. A pointer click can land while the details step still
 * moves (its heading takes focus and scrolls into view): as a patient would, it clicks again once if
 * nothing happened, which the widget's one-submission-at-a-time rule makes safe.
 */
async function bookNow(scope: Scope): Promise<void> {
  await scope.click({ role: 'button', name: 'Book appointment' });
  const booked = () => scope.isVisible(BOOKED);
  const stillThere = await until(
    'the booking to start',
    async () => {
      if (await booked()) return 'booked';
      return (await scope.isVisible({ role: 'button', name: 'Book appointment' })) ? false : 'busy';
    },
    3000,
  ).catch(() => 'missed');
  if (stillThere === 'missed') await scope.click({ role: 'button', name: 'Book appointment' });
  await scope.waitFor(BOOKED);
}

/** The guest's events arrived on `#host` in order and describe the one stored appointment. */
async function assertBooked(page: EnginePage, host: string): Promise<void> {
  const { events, errors } = await seen(page);
  const mine = (type: string) => events.filter((e) => e.type === type && e.host === host);
  assert.deepEqual(
    mine('booking-step-change').map((e) => e.detail),
    GUEST_STEP_CHANGES,
  );
  const confirmed = mine('booking-confirmed');
  assert.equal(confirmed.length, 1, 'one booking-confirmed');
  await assertConfirmedAsStored(servers, confirmed[0]!.detail);
  assert.deepEqual(mine('booking-error'), []);
  assert.deepEqual(errors, [], 'no uncaught errors');
}

function scenario(launch: () => Promise<Engine>): void {
  let engine: Engine;
  let page: EnginePage | undefined;
  before(async () => {
    engine = await launch();
  });

  /** A fresh page at `url`; closed after the test. */
  async function open(url: string): Promise<EnginePage> {
    page = await engine.newPage();
    await page.goto(url);
    return page;
  }
  beforeEach(async () => {
    await page?.close();
    page = undefined;
  });
  after(async () => {
    await page?.close();
    await engine?.close();
  });

  it('books as a guest: script tag', SCENARIO, async () => {
    const url = hostPage(
      '/script-tag.html',
      '<script type="module" src="/dist/patient-booking.js"></script>',
      '<main><h1>Praxis</h1><patient-booking id="widget" locale="en"></patient-booking></main>',
    );
    const page = await open(url);
    await bookAsGuest(page);
    await assertBooked(page, 'widget');
  });

  it('books as a guest: CMS markup', SCENARIO, async () => {
    const url = hostPage(
      '/cms.html',
      '',
      `<div id="cms" data-patient-booking data-locale="en">Online booking is loading… or call us:
030 1234567</div><script src="/dist/embed.js" defer></script>`,
    );
    const page = await open(url);
    await page.waitFor({ css: '#cms > patient-booking' });
    await bookAsGuest(page.within('#cms'));
    await assertBooked(page, 'cms');
  });

  it('books as a guest: iframe on another origin', SCENARIO, async () => {
    const other = servers.web.altOrigin;
    const url = hostPage(
      '/iframe.html',
      '',
      `<div id="booking" data-patient-booking-iframe data-locale="en"></div>
<script src="${other}/dist/embed.js" defer></script>`,
    );
    const page = await open(url);
    const frame = await page.frame('#booking iframe', `${other}/dist/embed.html`);
    await bookAsGuest(frame);
    await assertBooked(page, 'booking');
  });

  it('signs in through the popup and moves an appointment', SCENARIO, async () => {
    // A copy: the sandbox changes its appointments in place.
    const target = { ...seededAppointment(servers, 201) };
    const url = hostPage(
      '/account.html',
      '<script type="module" src="/dist/patient-booking.js"></script>',
      '<patient-booking id="widget" locale="en"></patient-booking>',
    );
    const page = await open(url);
    const popup = await page.popup(() => page.click({ role: 'button', name: 'Sign in' }));
    await popup.type({ label: 'Email' }, DEMO_PATIENT.email);
    await popup.type({ label: 'Password' }, DEMO_PATIENT.password);
    await popup.click({ role: 'button', name: 'Sign in' });
    await popup.clickToClose({ role: 'button', name: 'Allow' });
    await page.waitFor({ text: 'Signed in as Erika Mustermann' });

    await page.click({ role: 'button', name: 'My appointments' });
    await page.click({ css: `[part~="list"] [data-id="${target.id}"]` });
    await page.click({ role: 'button', name: 'Reschedule' });
    await page.waitFor({ role: 'heading', name: 'Choose a new time' });
    await page.click({ role: 'button', name: /^\d{1,2}:\d{2}/ });
    await page.waitFor({ role: 'heading', name: 'Move your appointment?' });
    await page.click({ role: 'button', name: 'Move appointment' });
    await page.waitFor({ text: /Your appointment was moved to/ });

    const moved = servers.sandbox.state.appointments.get(target.id)!;
    assert.equal(moved.status, 'confirmed');
    assert.notEqual(moved.startsAt, target.startsAt, 'the sandbox has the new time');
    const { events, errors } = await seen(page);
    assert.deepEqual(
      events.filter((e) => e.type === 'booking-rescheduled').map((e) => e.detail),
      [
        {
          appointmentId: target.id,
          startsAt: new Date(moved.startsAt).toISOString(),
          endsAt: new Date(moved.endsAt).toISOString(),
          previousStartsAt: new Date(target.startsAt).toISOString(),
        },
      ],
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'booking-error'),
      [],
    );
    assert.deepEqual(errors, [], 'no uncaught errors');
  });
}

describe('Firefox ESR', () => scenario(launchFirefox));
describe('WebKitGTK', () => scenario(launchWebKit));
