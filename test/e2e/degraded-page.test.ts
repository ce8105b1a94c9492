// Pages where something the widget needs is missing, in real Chromium against the sandbox: its
// language file or its own code does not arrive, or the page is plain http (no secure context).
// Never a blank box: the patient always has words and a way on.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, widgetPage, type Stack } from '../support/stack.js';
import { bookings } from '../support/faults.js';
import {
  bookAsGuest,
  dataAttrs,
  html,
  open,
  until,
  widgetAttributes,
} from '../support/embed-pages.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

const insurance = /Techniker Krankenkasse/;

/** CMS markup whose div holds the practice's fallback text, as a clinic would write it. */
function cmsPageWithFallback(path: string): void {
  stack.web.page(
    path,
    html(
      `<div id="cms" data-patient-booking ${dataAttrs(widgetAttributes(stack))}>
<p>Book by phone: 030 1234567</p></div><script src="/dist/embed.js" defer></script>`,
    ),
  );
}

describe('the widget’s own files do not arrive', () => {
  it('CMS markup whose widget code does not arrive keeps the practice’s fallback text', async () => {
    cmsPageWithFallback('/lost-code.html');
    const { context, page, problems } = await open(stack.browser, 'about:blank');
    await context.route(/\/dist\/patient-booking\.js$/, (route) =>
      route.abort('internetdisconnected'),
    );
    await page.goto(`${stack.web.origin}/lost-code.html`);
    await until('the failed load to be reported', () =>
      problems.some((p) => p.includes('could not load')),
    );
    assert.equal(await page.locator('#cms p').textContent(), 'Book by phone: 030 1234567');
    assert.ok(await page.locator('#cms p').isVisible());
    await context.close();
  });

  it('CMS markup: the fallback text goes once the widget is there', async () => {
    cmsPageWithFallback('/cms-fallback.html');
    const { context, page, problems } = await open(
      stack.browser,
      `${stack.web.origin}/cms-fallback.html`,
    );
    await page.locator('#cms').getByRole('radio', { name: insurance }).waitFor();
    // Light DOM only (a locator would look into the widget's shadow root too).
    assert.equal(await page.$eval('#cms', (div) => div.querySelectorAll('p').length), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a plain-http page (not a secure context)', () => {
  it('guests book; sign-in, which needs https, is not offered', async () => {
    // The stack's page, opened under the plain-http name.
    // Login is set up at the backend; the page alone decides it is not offered.
    const url = widgetPage(stack, '/plain.html', { locale: 'en' }).replace(
      stack.web.origin,
      stack.web.plainOrigin,
    );
    const { context, page, problems } = await open(stack.browser, url);
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.equal(await page.evaluate(() => typeof crypto.randomUUID), 'undefined');
    await page.getByRole('radio', { name: insurance }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Sign in/ }).count(), 0);

    await bookAsGuest(page);
    assert.equal((await bookings(stack)).length, 1, 'booked, with a key from getRandomValues');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('says in one console line why sign-in is off on that page', async () => {
    const url = widgetPage(stack, '/plain-why.html', { locale: 'de' }).replace(
      stack.web.origin,
      stack.web.plainOrigin,
    );
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const lines: string[] = [];
    page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    await page.goto(url);
    await page.getByRole('radio', { name: insurance }).waitFor();
    // The backend's configuration comes beside the first step's data: wait for its verdict.
    for (let i = 0; i < 100 && !lines.some((l) => l.includes('sign-in is off')); i += 1) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    }
    const why = lines.filter((l) => l.includes('sign-in is off'));
    assert.equal(why.length, 1, JSON.stringify(lines));
    assert.match(why[0]!, /^warning: .*needs an https page/);
    await context.close();
  });
});
