// What a tag on the host page (a tag manager, session replay) can see of a booking. A stand-in tag
// does what such scripts do: it listens to every input and change event (they cross shadow roots),
// wraps fetch and XMLHttpRequest, watches the DOM, reads cookies and storage. In script-tag mode it
// sees what the patient types and the booking's body (the widget lives in the host page: this is
// why docs/privacy.md tells practices with such tags to use the iframe mode). In iframe mode, with
// embed.html on the backend's origin, it sees none of it: only the public events.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { bookAsGuest, html, open, type Scope } from '../support/embed-pages.js';

let stack: Stack;
/** The practice's site with the tags, on another origin than the backend. */
let site: StaticServer;
before(async () => {
  site = await startStaticServer(resolve('.'));
  stack = await startStack({ embeddingOrigins: [site.origin] });
});
after(async () => {
  await site?.close();
  await stack?.close();
});
beforeEach(() => stack.control('/reset'));

/** What the patient types in bookAsGuest (test/support/embed-pages.ts), and nothing public. */
const TYPED = ['Erika', 'Mustermann', 'erika@example.com', '23456789'];

/** The stand-in tag. Plain source text: tsx would add helpers the page does not have. */
const TAG = `(() => {
  const seen = (window.__tag = []);
  const take = (what) => { try { seen.push(String(what)); } catch {} };
  for (const type of ['input', 'change', 'keyup', 'focusin']) {
    document.addEventListener(type, (e) => {
      const target = e.composedPath()[0];
      take(type + ': ' + (target && 'value' in target ? target.value : ''));
    }, true);
  }
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    take('fetch: ' + (typeof input === 'string' ? input : input.url) + ' ' + (init && init.body ? init.body : ''));
    return originalFetch.apply(this, arguments);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) { take('xhr: ' + body); return send.apply(this, arguments); };
  new MutationObserver(() => take('dom: ' + document.documentElement.outerHTML)).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  window.addEventListener('message', (e) => take('message: ' + JSON.stringify(e.data)));
  setInterval(() => take('storage: ' + document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)), 200);
})();`;

function sitePage(path: string, body: string): string {
  site.page(path, html(`<script>${TAG}</script>${body}`));
  return `${site.origin}${path}`;
}

async function tagSaw(page: Page): Promise<string> {
  return (await page.evaluate('window.__tag.join("\\n")')) as string;
}

describe('what a tag on the host page sees', () => {
  it('in iframe mode: no field value, no token, no booking body; the public events only', async () => {
    const url = sitePage(
      '/with-tags-iframe.html',
      `<div id="booking" data-patient-booking-iframe data-locale="en"></div>
<script src="${stack.web.origin}/dist/embed.js" defer></script>`,
    );
    const { page, context } = await open(stack.browser, url);
    const frame: Scope = page.frameLocator('#booking iframe');
    await bookAsGuest(frame);
    const saw = await tagSaw(page);
    for (const value of TYPED) assert.ok(!saw.includes(value), `the tag did not see ${value}`);
    assert.ok(!/patient_data|availability_id|Bearer|access_token/.test(saw), 'no body, no token');
    assert.match(saw, /booking-confirmed/, 'the public events reach it, as intended');
    await context.close();
  });

  it('in script-tag mode: the widget is part of the host page, so the tag sees what is typed', async () => {
    const url = sitePage(
      '/with-tags-script.html',
      `<script type="module" src="${stack.web.origin}/dist/patient-booking.js"></script>
<patient-booking locale="en" backend="${stack.web.origin}/dist/"></patient-booking>`,
    );
    const { page, context } = await open(stack.browser, url);
    await bookAsGuest(page);
    const saw = await tagSaw(page);
    assert.ok(saw.includes('erika@example.com'), 'a field value, from a composed input event');
    assert.match(
      saw,
      /fetch: .*booking .*patient_data/,
      'the booking body, through a wrapped fetch',
    );
    await context.close();
  });
});
