// Endpoints come from the backend's deployment only. A link to the practice's own embed.html whose
// query names other endpoints, and CMS markup (say, a sanitised comment that keeps data-*) whose
// data-* values do, must not make the browser talk to anyone but the backend. An attacker server
// that answers everything (with CORS for everyone) counts what reaches it: nothing may.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStack, type Stack } from '../support/stack.js';
import { bookAsGuest, html, open } from '../support/embed-pages.js';
import { bookings } from '../support/faults.js';

let stack: Stack;
let attacker: Server;
let attackerUrl: string;
const reached: string[] = [];

before(async () => {
  stack = await startStack();
  attacker = createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    res.writeHead(200, {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-headers': '*',
      'content-type': 'application/json',
    });
    res.end('{"access_token":"attacker","token_type":"Bearer","expires_in":3600,"data":[]}');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
after(async () => {
  attacker.closeAllConnections();
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
  await stack?.close();
});
beforeEach(async () => {
  reached.length = 0;
  await stack.control('/reset');
});

/** Every endpoint-like name the old contract knew, and the new `backend`, all pointing away. */
const endpoints = () => ({
  backend: `${attackerUrl}/pb/`,
  'portal-url': attackerUrl,
  'api-url': `${attackerUrl}/api/patient/v1`,
  'token-url': `${attackerUrl}/token`,
  'client-id': 'attacker',
  'redirect-url': `${attackerUrl}/callback.html`,
  src: `${attackerUrl}/embed.html`,
});

/** The requests of a page and all its frames, by origin, apart from the page's own origins. */
function foreignOrigins(urls: string[]): string[] {
  const own = new Set([stack.web.origin, stack.web.altOrigin]);
  return [...new Set(urls.map((u) => new URL(u).origin))].filter(
    (o) => !own.has(o) && /^https?:/.test(o),
  );
}

describe('hostile endpoints in links and markup', () => {
  it('a link to embed.html with other endpoints in its query: the booking goes to the backend only', async () => {
    const query = new URLSearchParams({ ...endpoints(), locale: 'en' });
    const { page, context, problems } = await open(
      stack.browser,
      `${stack.web.origin}/dist/embed.html?${query}`,
    );
    const urls: string[] = [];
    context.on('request', (r) => urls.push(r.url()));
    const lines: string[] = [];
    page.on('console', (m) => lines.push(m.text()));
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) missing.push(r.url());
    });
    await page.reload();
    await bookAsGuest(page);
    assert.equal((await bookings(stack)).length, 1);
    assert.deepEqual(reached, [], 'nothing reached the attacker');
    assert.deepEqual(foreignOrigins(urls), []);
    const ignored = lines.filter((l) => l.includes('ignored'));
    assert.equal(ignored.length, 1, `one console line: ${JSON.stringify(lines)}`);
    for (const name of [
      'backend',
      'portal-url',
      'api-url',
      'token-url',
      'client-id',
      'redirect-url',
    ])
      assert.ok(ignored[0]!.includes(name), `${name} is named`);
    assert.deepEqual(missing, []);
    assert.deepEqual(
      problems.filter((p) => !p.includes('404')),
      [],
    );
    await context.close();
  });

  it('injected CMS markup with other endpoints in data-*: the booking goes to the backend only', async () => {
    const data = Object.entries({ ...endpoints(), locale: 'en' })
      .map(([k, v]) => `data-${k}="${v}"`)
      .join(' ');
    stack.web.page(
      '/comment.html',
      html(
        `<div id="cms" data-patient-booking ${data}>A comment</div>
<div id="frame" data-patient-booking-iframe ${data}></div>
<script src="/dist/embed.js" defer></script>`,
      ),
    );
    const context = await stack.browser.newContext();
    const urls: string[] = [];
    context.on('request', (r) => urls.push(r.url()));
    const page = await context.newPage();
    const lines: string[] = [];
    page.on('console', (m) => lines.push(m.text()));
    await page.goto(`${stack.web.origin}/comment.html`);
    const cms = page.locator('#cms');
    await bookAsGuest(cms);
    // The iframe is embed.js's own embed.html, whatever the markup says.
    const frame = page.frameLocator('#frame iframe');
    await frame.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    const src = await page.locator('#frame iframe').getAttribute('src');
    assert.ok(src?.startsWith(`${stack.web.origin}/dist/embed.html?`), src ?? 'no src');
    assert.equal((await bookings(stack)).length, 1);
    assert.deepEqual(reached, [], 'nothing reached the attacker');
    assert.deepEqual(foreignOrigins(urls), []);
    assert.equal(
      lines.filter((l) => l.includes('ignored')).length,
      2,
      `one line per div: ${JSON.stringify(lines)}`,
    );
    await context.close();
  });
});
