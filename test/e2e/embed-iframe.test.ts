// Iframe mode in real Chromium across two origins: the host page on http://localhost:PORT with
// embed.js, embed.html on http://127.0.0.1:PORT (served with the headers README recommends).
// Booking works, events arrive on the host div with the contract's details, the iframe's height
// follows its content, and forged or malformed messages are ignored.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import {
  attrs,
  CONFIRMED_KEYS,
  connectOrigins,
  fillUpToReview,
  html,
  open,
  seen,
  strictCsp,
  until,
  widgetAttributes,
} from '../support/embed-pages.js';

let stack: Stack;
/** A third origin, http://localhost:OTHER_PORT, for a forger and a host embed.html refuses. */
let foreign: StaticServer;
let embedOrigin: string;

before(async () => {
  stack = await startStack();
  foreign = await startStaticServer(resolve('.'));
  embedOrigin = stack.web.altOrigin;
  // embed.html as deployed: a strict CSP that lets only the host page's origin frame it.
  const page = await readFile(resolve('dist/embed.html'), 'utf8');
  stack.web.page('/dist/embed.html', page, {
    'content-security-policy': strictCsp({
      connect: connectOrigins(stack),
      ancestors: [stack.web.origin],
    }),
  });
});
after(async () => {
  await foreign?.close();
  await stack?.close();
});
beforeEach(() => stack.control('/reset'));

const EMBED = '<script src="/dist/embed.js" defer></script>';
const insurance = /Techniker Krankenkasse/;

function embedSrc(extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(widgetAttributes(stack, extra));
  return `${embedOrigin}/dist/embed.html?${query}`;
}

/** The host page: one iframe placeholder (plus `more` markup). */
function hostPage(path: string, more = ''): string {
  stack.web.page(
    path,
    html(`<main><h1>Praxis</h1><div id="booking" ${attrs({ 'data-patient-booking-iframe': '', 'data-src': embedSrc() })}></div>
<p>Below the widget.</p></main>${more}${EMBED}`),
  );
  return `${stack.web.origin}${path}`;
}

async function embedFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await until('the embed frame', () => {
    frame = page.frames().find((f) => f.url().startsWith(`${embedOrigin}/dist/embed.html`));
    return !!frame;
  });
  return frame!;
}

/** The iframe's height on the host, the content's height and scroll metrics inside the frame. */
async function heights(page: Page, frame: Frame) {
  const outer = await page.$eval('#booking iframe', (f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.body.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

/** Waits until the iframe is exactly as tall as its content and shows no scrollbar; returns that height. */
async function settledHeight(page: Page, frame: Frame): Promise<number> {
  let last = { outer: 0, content: -1, scrollHeight: 0, clientHeight: 0 };
  await until(
    'the iframe to fit its content',
    async () => {
      last = await heights(page, frame);
      return last.outer === last.content && last.scrollHeight <= last.clientHeight;
    },
    5000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${JSON.stringify(last)}`);
  });
  return last.outer;
}

const strip = (events: Array<{ type: string; detail: Record<string, unknown> }>) =>
  events.map(({ type, detail }) => ({ type, detail }));

describe('iframe mode', () => {
  it('books across origins; events reach the host div with the same details; height follows content', async () => {
    const { page, problems, context } = await open(stack.browser, hostPage('/iframe.html'));
    const frame = await embedFrame(page);
    const widget = page.frameLocator('#booking iframe');
    await widget.getByRole('button', { name: insurance }).waitFor();

    const iframe = page.locator('#booking iframe');
    assert.equal(await iframe.getAttribute('title'), 'Appointment booking');
    assert.equal(
      new URL((await iframe.getAttribute('src'))!).searchParams.get('parent-origin'),
      stack.web.origin,
    );
    const first = await settledHeight(page, frame);

    await fillUpToReview(widget);
    const review = await settledHeight(page, frame);
    assert.notEqual(review, first, 'the height changed with the step');
    await widget.getByRole('button', { name: /Book now/ }).click();
    await widget.getByRole('heading', { name: /booked/i }).waitFor();
    await settledHeight(page, frame);

    const host = await seen(page);
    const inside = await seen(frame);
    assert.ok(host.events.length >= 6, 'step changes and the confirmation arrived');
    assert.ok(
      host.events.every((e) => e.target === 'div#booking'),
      'dispatched on the placeholder div',
    );
    assert.deepEqual(strip(host.events), strip(inside.events), 'same names and details as inside');
    const confirmed = host.events.find((e) => e.type === 'booking-confirmed');
    assert.deepEqual(Object.keys(confirmed!.detail).sort(), CONFIRMED_KEYS);
    assert.equal(confirmed!.detail.guest, true);
    const messages = host.messages.filter((m) => m.from !== 'iframe' || m.origin !== embedOrigin);
    assert.deepEqual(messages, [], 'every message came from the embed frame');
    assert.deepEqual([...host.violations, ...inside.violations], []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('ignores forged messages from other windows and origins, and malformed ones', async () => {
    stack.web.page('/forger.html', html('<p>forger</p>'));
    foreign.page('/forger.html', html('<p>forger</p>'));
    const url = hostPage(
      '/forged.html',
      `<iframe id="foreign" title="f1" src="${foreign.origin}/forger.html"></iframe>
<iframe id="same-origin" title="f2" src="${embedOrigin}/forger.html"></iframe>`,
    );
    const { page, context } = await open(stack.browser, url);
    const frame = await embedFrame(page);
    await page.frameLocator('#booking iframe').getByRole('button', { name: insurance }).waitFor();
    const height = await settledHeight(page, frame);
    const before = (await seen(page)).events.length;

    const confirmed = {
      source: 'patient-booking',
      type: 'booking-confirmed',
      detail: {
        appointmentId: 'forged',
        startsAt: 'x',
        endsAt: 'y',
        appointmentTypeId: '1',
        guest: true,
      },
    };
    const resize = { source: 'patient-booking', type: 'resize', height: 123 };
    const forge = ([a, b]: unknown[]) => {
      parent.postMessage(a, '*');
      parent.postMessage(b, '*');
    };
    for (const forgerUrl of [`${foreign.origin}/forger.html`, `${embedOrigin}/forger.html`]) {
      let forger: Frame | undefined;
      await until(forgerUrl, () => !!(forger = page.frames().find((f) => f.url() === forgerUrl)));
      await forger!.waitForLoadState();
      await forger!.evaluate(forge, [confirmed, resize]);
    }
    await page.evaluate(
      ([a, b]) => {
        window.postMessage(a, '*');
        window.postMessage(b, '*');
      },
      [confirmed, resize],
    );
    // From the real frame, but malformed; then one good message as a sentinel.
    await frame.evaluate(
      ([good]) => {
        const bad: unknown[] = [
          { ...(good as object), detail: { appointmentId: 7 } },
          { source: 'patient-booking', type: 'booking-confirmed', detail: { appointmentId: 'a' } },
          { source: 'patient-booking', type: 'click', detail: {} },
          { source: 'other', type: 'booking-cancelled', detail: { appointmentId: 'a' } },
          { source: 'patient-booking', type: 'booking-cancelled', detail: ['a'] },
          { source: 'patient-booking', type: 'resize', height: 1e9 },
          { source: 'patient-booking', type: 'resize', height: '300' },
          JSON.stringify(good),
        ];
        for (const message of bad) parent.postMessage(message, '*');
        parent.postMessage(
          { ...(good as object), detail: { appointmentId: 'sentinel', extra: 'dropped' } },
          '*',
        );
      },
      [{ source: 'patient-booking', type: 'booking-cancelled', detail: {} }],
    );
    await until('the sentinel', async () =>
      (await seen(page)).events.some((e) => e.type === 'booking-cancelled'),
    );
    await page.waitForTimeout(300);

    const host = await seen(page);
    const after = host.events.slice(before);
    assert.deepEqual(strip(after), [
      { type: 'booking-cancelled', detail: { appointmentId: 'sentinel' } },
    ]);
    assert.ok(!host.events.some((e) => e.type === 'booking-confirmed'), 'no forged confirmation');
    const from = new Set(host.messages.map((m) => m.from));
    assert.ok(
      from.has('foreign') && from.has('same-origin') && from.has('self'),
      'the forgeries were delivered',
    );
    assert.equal((await heights(page, frame)).outer, height, 'forged resizes are ignored');
    await context.close();
  });

  it('posts nothing when parent-origin is not the real parent', async () => {
    const wrong = (claimed: string) => `${embedSrc()}&parent-origin=${encodeURIComponent(claimed)}`;
    // No embed.js: plain iframes, and the recorder logs every message that arrives.
    stack.web.page(
      '/mismatch.html',
      html(`<iframe id="evil" title="a" src="${wrong('http://evil.example')}"></iframe>
<iframe id="other" title="b" src="${wrong(foreign.origin)}"></iframe>
<iframe id="right" title="c" src="${wrong(stack.web.origin)}"></iframe>`),
    );
    const { page, context } = await open(stack.browser, `${stack.web.origin}/mismatch.html`);
    await until('the correctly told frame to post', async () =>
      (await seen(page)).messages.some((m) => m.from === 'right'),
    );
    for (const frame of page.frames().slice(1)) {
      await until('each frame to render', async () => (await seen(frame)).events.length > 0);
    }
    await page.waitForTimeout(300);
    const senders = new Set((await seen(page)).messages.map((m) => m.from));
    assert.deepEqual([...senders], ['right']);
    await context.close();
  });

  it("signs in inside the iframe: popup from the frame, callback on embed.html's origin", async () => {
    const src = embedSrc({
      'client-id': 'demo-client',
      'redirect-url': `${embedOrigin}/dist/callback.html`,
    });
    stack.web.page(
      '/iframe-login.html',
      html(`<div id="booking" ${attrs({ 'data-patient-booking-iframe': '', 'data-src': src })}></div>
${EMBED}`),
    );
    const { page, problems, context } = await open(
      stack.browser,
      `${stack.web.origin}/iframe-login.html`,
    );
    const widget = page.frameLocator('#booking iframe');
    const opening = page.waitForEvent('popup');
    await widget.getByRole('button', { name: 'Sign in' }).click();
    const popup = await opening;
    await popup.getByLabel('Email').fill('patient@example.com');
    await popup.getByLabel('Password').fill('sandbox');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    const closed = popup.waitForEvent('close');
    await popup
      .getByRole('button', { name: 'Allow' })
      .click()
      .catch(() => {});
    await closed;
    await widget.getByText('Signed in as Erika Mustermann').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("is refused by a host that embed.html's frame-ancestors does not name", async () => {
    foreign.page(
      '/framer.html',
      html(`<div data-patient-booking-iframe data-src="${embedSrc().replace(/&/g, '&amp;')}"></div>
<script src="${stack.web.origin}/dist/embed.js" defer></script>`),
    );
    const { page, problems, context } = await open(stack.browser, `${foreign.origin}/framer.html`);
    await until('the refusal', () => problems.some((p) => p.includes('frame-ancestors')));
    assert.equal((await seen(page)).messages.length, 0);
    await context.close();
  });
});
