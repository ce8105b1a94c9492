// Strict Content-Security-Policy in real Chromium: `script-src 'self'`, `style-src 'self'` (no
// 'unsafe-inline' anywhere), Trusted Types required, sent as a response header. Every embedding
// mode renders and books with zero violations, counted three ways:
// `securitypolicyviolation` events in every frame, `report-uri` reports, console errors.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack.js';
import {
  assertConfirmedAsStored,
  attrs,
  bookAsGuest,
  connectOrigins,
  dataAttrs,
  html,
  open,
  seen,
  strictCsp,
  until,
  widgetAttributes,
  type Opened,
  type Scope,
  type SeenEvent,
} from '../support/embed-pages.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
  stack.web.page('/favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', {
    'content-type': 'image/svg+xml',
  });
  const embed = await readFile(resolve('dist/embed.html'), 'utf8');
  stack.web.page('/dist/embed.html', embed, {
    'content-security-policy': strictCsp({
      connect: connectOrigins(stack),
      ancestors: [stack.web.origin],
    }),
  });
});
after(() => stack?.close());
beforeEach(() => {
  stack.web.cspReports.length = 0;
  return stack.control('/reset');
});

/** Login comes from the backend's configuration: the page needs no attribute for it. */
const login = (): Record<string, string> => ({});

/** Serves `body` at `path` under the host's strict policy (iframes from the embed origin allowed). */
function strictPage(path: string, body: string, head = ''): string {
  const csp = strictCsp({
    connect: connectOrigins(stack),
    frames: ["'self'", stack.web.altOrigin],
  });
  stack.web.page(path, html(body, { head, icon: '/favicon.svg' }), {
    'content-security-policy': csp,
  });
  return `${stack.web.origin}${path}`;
}

/** Every violation any frame saw, every report the server got, every console error. */
async function violations({ page, problems }: Opened) {
  const frames: Array<{ url: string; violations: unknown[] }> = [];
  for (const frame of page.frames()) {
    const { violations: found } = await seen(frame);
    if (found.length) frames.push({ url: frame.url(), violations: found });
  }
  return { frames, reports: [...stack.web.cspReports], problems };
}

const none = { frames: [], reports: [], problems: [] };

async function settle(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(200); // reports are sent after the violation event
}

describe('strict CSP', () => {
  it('sees a violation when there is one (the counters work)', async () => {
    const opened = await open(
      stack.browser,
      strictPage('/csp-control.html', '<p style="color: red">inline style</p>'),
    );
    await until('the report', () => stack.web.cspReports.length > 0);
    const found = await violations(opened);
    assert.equal(found.frames.length, 1);
    assert.ok(found.problems.some((p) => p.includes('Content Security Policy')));
    await opened.context.close();
  });

  it('script tag: renders and books with zero violations', async () => {
    const opened = await open(
      stack.browser,
      strictPage(
        '/csp-script.html',
        // With login configured: the sign-in bar renders under the policy too.
        `<patient-booking ${attrs(widgetAttributes(stack, login()))}></patient-booking>`,
        '<script type="module" src="/dist/patient-booking.js"></script>',
      ),
    );
    await opened.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await bookAsGuest(opened.page);
    await settle(opened.page);
    assert.deepEqual(await violations(opened), none);
    await opened.context.close();
  });

  it('script tag: the login code loads and the popup opens with zero violations', async () => {
    const opened = await open(
      stack.browser,
      strictPage(
        '/csp-login.html',
        `<patient-booking ${attrs(widgetAttributes(stack, login()))}></patient-booking>`,
        '<script type="module" src="/dist/patient-booking.js"></script>',
      ),
    );
    const { page } = opened;
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    // The popup opens blank in the click, then goes to the portal's login page.
    await popup.waitForURL((url) => url.href.startsWith(stack.portal));
    await popup.close();
    await settle(page);
    assert.deepEqual(await violations(opened), none);
    await opened.context.close();
  });

  // Each mode's markup (the host page loads embed.js for both) and where its widget is.
  const embedModes = [
    {
      mode: 'CMS markup',
      path: '/csp-cms.html',
      markup: () =>
        `<div id="cms" data-patient-booking ${dataAttrs(widgetAttributes(stack))}></div>`,
      widgetIn: (page: Page): Scope => page.locator('#cms'),
    },
    {
      mode: 'iframe',
      path: '/csp-iframe.html',
      markup: () =>
        `<div id="frame" ${attrs({ 'data-patient-booking-iframe': '', 'data-locale': 'en' })}></div>`,
      widgetIn: (page: Page): Scope => page.frameLocator('#frame iframe'),
    },
  ];
  for (const { mode, path, markup, widgetIn } of embedModes) {
    it(`${mode}: renders and books with zero violations`, async () => {
      const opened = await open(
        stack.browser,
        strictPage(path, `${markup()}<script src="/dist/embed.js" defer></script>`),
      );
      const { page } = opened;
      await bookAsGuest(widgetIn(page));
      // The confirmation reaches the host page too (in iframe mode by postMessage, under the policy).
      let confirmed: SeenEvent | undefined;
      await until('the confirmation on the host page', async () => {
        confirmed = (await seen(page)).events.find((e) => e.type === 'booking-confirmed');
        return !!confirmed;
      });
      await assertConfirmedAsStored(stack, confirmed!.detail);
      await settle(page);
      assert.deepEqual(await violations(opened), none);
      await opened.context.close();
    });
  }
});
