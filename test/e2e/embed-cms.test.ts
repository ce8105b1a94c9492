// CMS-safe markup in real Chromium: `<div data-patient-booking data-…>` upgraded by embed.js
// (a classic deferred script), also for divs added later; only contract attributes are copied.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../support/stack.js';
import {
  assertConfirmedAsStored,
  bookAsGuest,
  dataAttrs,
  detailsOf,
  GUEST_STEP_CHANGES,
  html,
  open,
  script,
  seen,
  widgetAttributes,
} from '../support/embed-pages.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

const EMBED = '<script src="/dist/embed.js" defer></script>';
const insurance = /Techniker Krankenkasse/;

describe('CMS markup', () => {
  it('upgrades data-* divs, also ones added later, copies contract attributes only, and books', async () => {
    const hostile =
      'data-onclick="alert(1)" data-style="display:none" data-part="x" data-id="evil"';
    stack.web.page(
      '/cms.html',
      html(
        `<div id="cms" data-patient-booking ${dataAttrs(widgetAttributes(stack))} ${hostile}>
  <p>Online booking is loading… or call us: 030 1234567</p></div>${EMBED}`,
      ),
    );
    const { page, problems, context } = await open(stack.browser, `${stack.web.origin}/cms.html`);
    const cms = page.locator('#cms');
    await cms.getByRole('radio', { name: insurance }).waitFor();
    // The fallback text is gone; the element carries exactly the contract attributes.
    assert.equal(await cms.evaluate((div) => div.querySelectorAll('p').length), 0);
    const names = await page.$eval('#cms > patient-booking', (el) => el.getAttributeNames().sort());
    assert.deepEqual(names, ['locale']);

    // A div added after load is upgraded too, and later attribute changes are mirrored.
    await page.evaluate((values) => {
      const div = document.createElement('div');
      div.id = 'later';
      for (const [k, v] of Object.entries(values)) div.setAttribute(`data-${k}`, v);
      div.setAttribute('data-patient-booking', '');
      document.body.append(div);
    }, widgetAttributes(stack));
    const later = page.locator('#later');
    await later.getByRole('radio', { name: insurance }).waitFor();
    await page.$eval('#later', (div) => div.setAttribute('data-locale', 'de'));
    await later.getByRole('heading', { name: /Termin buchen/ }).waitFor();

    await bookAsGuest(cms);
    const { events } = await seen(page);
    const confirmed = events.filter((e) => e.type === 'booking-confirmed');
    assert.equal(confirmed.length, 1);
    assert.equal(confirmed[0]!.host, 'cms', 'the event bubbles through the CMS div');
    await assertConfirmedAsStored(stack, confirmed[0]!.detail);
    assert.deepEqual(detailsOf(events, 'booking-step-change', 'cms'), GUEST_STEP_CHANGES);
    assert.ok(events.some((e) => e.host === 'later' && e.type === 'booking-step-change'));
    assert.equal(
      await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((r) => r.name.includes('patient-booking.js')).length,
      ),
      1,
      'patient-booking.js is loaded once',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('runs as a classic script without leaking names, and included twice does nothing twice', async () => {
    // Host globals with the short names a minifier likes: a leaking classic script would clash.
    script(
      stack.web,
      '/host-globals.js',
      "var e = 'host'; let t = 'host'; function n() { return 'host'; }",
    );
    stack.web.page(
      '/cms-twice.html',
      html(
        `<script src="/host-globals.js"></script><script src="/dist/embed.js"></script>
<div id="cms" data-patient-booking ${dataAttrs(widgetAttributes(stack))}>Loading…</div>
<script src="/dist/embed.js?again" defer></script>`,
      ),
    );
    const { page, problems, context } = await open(
      stack.browser,
      `${stack.web.origin}/cms-twice.html`,
    );
    await page.locator('#cms').getByRole('radio', { name: insurance }).waitFor();
    assert.equal(await page.locator('#cms patient-booking').count(), 1);
    assert.equal(await page.locator('#cms').evaluate((d) => d.childElementCount), 1);
    assert.deepEqual(
      await page.evaluate('[e, t, n()]'),
      ['host', 'host', 'host'],
      'the host page globals are untouched',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
