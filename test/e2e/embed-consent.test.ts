// The click-to-load placeholder of docs/embedding.md ("Consent"), served exactly as documented
// (the backend's folder is /dist/ here instead of /pb/, the language English for the booking
// helpers): the page requests nothing of the widget before the click, and after it the widget
// replaces the placeholder and books.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { eventsOf, startStack, type Stack } from '../support/stack.js';
import { assertConfirmedAsStored, bookAsGuest, html } from '../support/embed-pages.js';
import { openWatched, requestedPaths } from '../support/popup.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

/** The html block after the `consent-placeholder` marker in docs/embedding.md. */
async function documentedPlaceholder(): Promise<string> {
  const doc = await readFile('docs/embedding.md', 'utf8');
  const block = /<!-- consent-placeholder[^>]*-->\s*```html\n([\s\S]*?)```/.exec(doc);
  assert.ok(block, 'docs/embedding.md has the consent placeholder markup');
  return block[1]!;
}

describe('click-to-load placeholder (consent)', () => {
  it('requests nothing before the click; after it, the widget replaces the placeholder and books', async () => {
    const markup = (await documentedPlaceholder())
      .replace("'/pb/embed.js'", "'/dist/embed.js'")
      .replace('data-locale="de"', 'data-locale="en"');
    assert.match(markup, /\/dist\/embed\.js/);
    stack.web.page('/consent.html', html(`<main id="booking">${markup}</main>`, { lang: 'de' }));
    const { page, net, problems, context } = await openWatched(
      stack,
      `${stack.web.origin}/consent.html`,
    );
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requestedPaths(net, '/consent.html'), [], 'nothing before the click');
    await page.getByText('030 1234567').waitFor();

    await page.getByRole('button', { name: 'Online-Terminbuchung laden' }).click();
    const booking = page.locator('#booking');
    await booking.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    assert.equal(await page.getByText('030 1234567').count(), 0, 'the placeholder is gone');
    const paths = requestedPaths(net, '/consent.html');
    assert.deepEqual(paths.slice(0, 2), ['/dist/embed.js', '/dist/patient-booking.js']);

    await bookAsGuest(booking);
    const confirmed = (await eventsOf(page)).filter((e) => e.type === 'booking-confirmed');
    assert.equal(confirmed.length, 1);
    await assertConfirmedAsStored(stack, confirmed[0]!.detail);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
