// Site builders (Wix's "Embed HTML", Jimdo's HTML widget where it frames its content) put the
// practice's snippet into an iframe of their own, on an origin of their own: embed.html is then
// framed from the backend's origin B inside a snippet page on origin D inside the site on origin
// C. `frame-ancestors` is checked against every ancestor, so the backend's ALLOWED_ORIGINS must
// list both D and C (docs/wix-jimdo.md). With both, a guest books and the events reach the div in
// the snippet; with D alone, the browser refuses to show embed.html.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startBackend, type StartedBackend } from '../../server/backend/node-adapter.js';
import { builtWidget } from '../support/widget-dist.js';
import { startStack, type Stack } from '../support/stack.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { bookAsGuest, html, open, seen } from '../support/embed-pages.js';

let stack: Stack;
/** The site builder's snippet origin D (http://localhost:OTHER_PORT). */
let snippets: StaticServer;
/** The backend B, once with the site's origin C in ALLOWED_ORIGINS and once without. */
let both: StartedBackend;
let snippetOnly: StartedBackend;

/** The site's origin C: the stack's web server under its other loopback name. */
const site = () => stack.web.altOrigin;

async function backend(allowedOrigins: string[]): Promise<StartedBackend> {
  return startBackend(
    {
      port: 0,
      portalUrl: stack.portal,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      allowedOrigins,
      rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 },
      bookingLimits: { perIp: 0, perEmail: 0, perSlot: 0 },
    },
    { log: () => {}, files: builtWidget() },
  );
}

before(async () => {
  stack = await startStack();
  snippets = await startStaticServer(resolve('.'));
  both = await backend([snippets.origin, site()]);
  snippetOnly = await backend([snippets.origin]);
});
after(async () => {
  await Promise.all([both?.close(), snippetOnly?.close(), snippets?.close()]);
  await stack?.close();
});

let pages = 0;
/** The site's page (origin C) framing the snippet page (origin D) that holds the iframe markup. */
function sitePage(backendUrl: string): string {
  const n = ++pages;
  snippets.page(
    `/snippet-${n}.html`,
    html(
      `<div data-patient-booking-iframe data-locale="en"></div>
<script src="${backendUrl}/embed.js" defer></script>`,
    ),
  );
  stack.web.page(
    `/site-${n}.html`,
    html(
      `<h1>Praxis</h1><iframe title="HTML embed" src="${snippets.origin}/snippet-${n}.html"
        style="display:block;width:100%;height:1400px;border:0"></iframe>`,
    ),
  );
  return `${site()}/site-${n}.html`;
}

const frameAt = (page: Page, url: string): Frame | undefined =>
  page.frames().find((f) => f.url().startsWith(url));

describe('iframe mode inside a site builder’s own iframe (three origins)', () => {
  it('the backend allows the snippet’s and the site’s origins: a guest books, events reach the div', async () => {
    const { page, context, problems } = await open(stack.browser, sitePage(both.url));
    let widget: Frame | undefined;
    while (!(widget = frameAt(page, `${both.url}/embed.html`))) {
      await page.waitForEvent('frameattached');
    }
    await bookAsGuest(widget);
    const snippet = frameAt(page, `${snippets.origin}/snippet-`)!;
    const events = (await seen(snippet)).events;
    assert.ok(
      events.some((e) => e.type === 'booking-confirmed' && e.target === 'div'),
      `booking-confirmed on the div: ${JSON.stringify(events.map((e) => e.type))}`,
    );
    assert.deepEqual(
      problems.filter((p) => !p.includes('favicon')),
      [],
    );
    await context.close();
  });

  it('the backend allows the snippet’s origin only: the browser refuses to show embed.html (frame-ancestors)', async () => {
    const { page, context } = await open(stack.browser, sitePage(snippetOnly.url));
    // The snippet's page loads once its iframe has: embed.html, or the browser's error page.
    const snippet = () => page.frames().find((f) => f.url().includes('/snippet-'));
    while (!snippet()) await page.waitForEvent('frameattached');
    await snippet()!.waitForLoadState('load');
    const urls = page.frames().map((f) => f.url());
    assert.ok(
      !urls.some((u) => u.startsWith(`${snippetOnly.url}/embed.html`)),
      JSON.stringify(urls),
    );
    for (const frame of page.frames()) {
      assert.equal(
        await frame.locator('patient-booking').count(),
        0,
        `no widget in ${frame.url()}`,
      );
    }
    await context.close();
  });
});
