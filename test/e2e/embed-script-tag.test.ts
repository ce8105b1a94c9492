// Script-tag embedding in real Chromium: the module before or after the element, elements added
// later by other scripts, the script included twice, and two instances on one page.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../support/stack.js';
import {
  assertConfirmedAsStored,
  attrs,
  bookAsGuest,
  detailsOf,
  GUEST_STEP_CHANGES,
  html,
  open,
  seen,
  widgetAttributes,
} from '../support/embed-pages.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

const MODULE = '<script type="module" src="/dist/patient-booking.js"></script>';
const insurance = /Techniker Krankenkasse/;

describe('script tag', () => {
  it('works before and after the element, included twice, and for elements added later', async () => {
    const a = attrs(widgetAttributes(stack));
    stack.web.page(
      '/script-before.html',
      html(`<patient-booking id="first" ${a}></patient-booking>`, { head: MODULE }),
    );
    // After the element, and included twice.
    stack.web.page(
      '/script-after.html',
      html(`<patient-booking id="first" ${a}></patient-booking>${MODULE}${MODULE}`),
    );
    for (const path of ['/script-before.html', '/script-after.html']) {
      const { page, problems, context } = await open(stack.browser, `${stack.web.origin}${path}`);
      await page.locator('#first').getByRole('radio', { name: insurance }).waitFor();
      // Added later by another script: created, configured, inserted.
      await page.evaluate((values) => {
        const el = document.createElement('patient-booking');
        el.id = 'later';
        for (const [k, v] of Object.entries(values)) el.setAttribute(k, v);
        document.body.append(el);
      }, widgetAttributes(stack));
      await page.locator('#later').getByRole('radio', { name: insurance }).waitFor();
      assert.equal(await page.locator('patient-booking').count(), 2, path);
      assert.deepEqual(problems, [], `${path}: no errors (no "already defined")`);
      await context.close();
    }
  });

  it('tolerates a second copy of the bundle by another URL', async () => {
    stack.web.page(
      '/two-copies.html',
      html(
        `<patient-booking id="first" ${attrs(widgetAttributes(stack))}></patient-booking>${MODULE}
<script type="module" src="/dist/patient-booking.js?copy=2"></script>`,
      ),
    );
    const { page, problems, context } = await open(
      stack.browser,
      `${stack.web.origin}/two-copies.html`,
    );
    await page.locator('#first').getByRole('radio', { name: insurance }).waitFor();
    await page.waitForLoadState('load');
    await context.close();
    assert.deepEqual(problems, [], 'no "already defined" error from the second copy');
  });

  it('configures itself from attributes set after it was inserted', async () => {
    stack.web.page('/late-attributes.html', html('', { head: MODULE }));
    const { page, context } = await open(stack.browser, `${stack.web.origin}/late-attributes.html`);
    await page.waitForFunction(() => customElements.get('patient-booking'));
    // Frameworks may insert first and set attributes after.
    await page.evaluate((values) => {
      const el = document.createElement('patient-booking');
      document.body.append(el);
      for (const [k, v] of Object.entries(values)) el.setAttribute(k, v);
    }, widgetAttributes(stack));
    await page.getByRole('radio', { name: insurance }).waitFor({ timeout: 3000 });
    await context.close();
  });

  it('runs two instances on one page without interference', async () => {
    stack.web.page(
      '/two.html',
      html(
        `<patient-booking id="a" ${attrs(widgetAttributes(stack))}></patient-booking>
<patient-booking id="b" ${attrs(widgetAttributes(stack))}></patient-booking>`,
        { head: MODULE },
      ),
    );
    const { page, problems, context } = await open(stack.browser, `${stack.web.origin}/two.html`);
    const a = page.locator('#a');
    const b = page.locator('#b');
    await b.getByRole('radio', { name: insurance }).waitFor();
    await bookAsGuest(a);

    // b stayed on its first step and heard nothing of a's booking.
    await b.getByRole('radio', { name: insurance }).waitFor();
    const { events } = await seen(page);
    const ofB = events.filter((e) => e.target === 'patient-booking#b');
    assert.deepEqual(
      ofB.map((e) => [e.type, e.detail.step]),
      [['booking-step-change', 'type']],
    );
    const confirmed = events.filter((e) => e.type === 'booking-confirmed');
    assert.equal(confirmed.length, 1);
    assert.equal(confirmed[0]!.target, 'patient-booking#a');
    await assertConfirmedAsStored(stack, confirmed[0]!.detail);
    assert.deepEqual(detailsOf(events, 'booking-step-change', 'a'), GUEST_STEP_CHANGES);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
