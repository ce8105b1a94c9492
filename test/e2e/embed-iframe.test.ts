// Iframe mode in real Chromium across two origins: the host page on http://localhost:PORT with
// embed.js, embed.html on http://127.0.0.1:PORT (served with the headers README recommends).
// Booking works, events arrive on the host div with the contract's details, the iframe's height
// follows its content, and forged or malformed messages are ignored.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import {
  assertConfirmedAsStored,
  attrs,
  CONFIRMED_KEYS,
  connectOrigins,
  detailsOf,
  embedHtmlUrl,
  fillDetails,
  fillUpToBooking,
  GUEST_STEP_CHANGES,
  html,
  open,
  seen,
  strictCsp,
  until,
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

/** embed.js from the other origin: the embed.html beside it is then cross-origin, as on a real site. */
const embed = () => `<script src="${embedOrigin}/dist/embed.js" defer></script>`;
const insurance = /Techniker Krankenkasse/;

const embedSrc = (extra: Record<string, string> = {}) => embedHtmlUrl(stack, extra);

/** The host page: one iframe placeholder per id in `hosts` (`before` and `more` markup around). */
function hostPage(path: string, more = '', hosts = ['booking'], before = ''): string {
  const placeholders = hosts.map(
    (id) =>
      `<div id="${id}" ${attrs({ 'data-patient-booking-iframe': '', 'data-locale': 'en' })}></div>`,
  );
  stack.web.page(
    path,
    html(`${before}<main><h1>Praxis</h1>${placeholders.join('\n')}
<p>Below the widget.</p></main>${more}${embed()}`),
  );
  return `${stack.web.origin}${path}`;
}

/** The embed.html frame inside the placeholder `#host`, once it has navigated there. */
async function embedFrame(page: Page, host = 'booking'): Promise<Frame> {
  let frame: Frame | null | undefined;
  await until(`the embed frame in #${host}`, async () => {
    frame = await (await page.$(`#${host} iframe`))?.contentFrame();
    return !!frame?.url().startsWith(`${embedOrigin}/dist/embed.html`);
  });
  return frame!;
}

/** The iframe's height on the host, the content's height and scroll metrics inside the frame. */
async function heights(page: Page, frame: Frame, host = 'booking') {
  const outer = await page.$eval(`#${host} iframe`, (f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.body.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

/** Waits until the iframe is exactly as tall as its content and shows no scrollbar; returns that height. */
async function settledHeight(page: Page, frame: Frame, host = 'booking'): Promise<number> {
  let last = { outer: 0, content: -1, scrollHeight: 0, clientHeight: 0 };
  await until(
    `the iframe in #${host} to fit its content`,
    async () => {
      last = await heights(page, frame, host);
      return last.outer === last.content && last.scrollHeight <= last.clientHeight;
    },
    5000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${JSON.stringify(last)}`);
  });
  return last.outer;
}

/**
 * Starts sampling the height of the iframe in `#host` on the host page: on every animation frame,
 * and whenever the host changes its style (so no height set between two frames is missed). The
 * returned function stops and hands over the samples. Source text, as the recorder: tsx would wrap
 * named inner functions in a helper the page does not have.
 */
async function sampleHeights(page: Page, host: string): Promise<() => Promise<number[]>> {
  await page.evaluate(`(() => {
    const iframe = document.querySelector(${JSON.stringify(`#${host} iframe`)});
    const heights = [];
    const sample = () => heights.push(iframe.getBoundingClientRect().height);
    const restyled = new MutationObserver(sample);
    restyled.observe(iframe, { attributes: true, attributeFilter: ['style'] });
    let frame = 0;
    const everyFrame = () => {
      sample();
      frame = requestAnimationFrame(everyFrame);
    };
    everyFrame();
    window.__stopSampling = () => {
      cancelAnimationFrame(frame);
      restyled.disconnect();
      sample();
      return heights;
    };
  })()`);
  return () => page.evaluate('window.__stopSampling()');
}

const strip = (events: Array<{ type: string; detail: Record<string, unknown> }>) =>
  events.map(({ type, detail }) => ({ type, detail }));

describe('iframe mode', () => {
  it('books across origins; events reach the host div with the same details; height follows content', async () => {
    const { page, problems, context } = await open(stack.browser, hostPage('/iframe.html'));
    const frame = await embedFrame(page);
    const widget = page.frameLocator('#booking iframe');
    await widget.getByRole('radio', { name: insurance }).waitFor();

    const iframe = page.locator('#booking iframe');
    assert.equal(await iframe.getAttribute('title'), 'Appointment booking');
    assert.equal(
      new URL((await iframe.getAttribute('src'))!).searchParams.get('parent-origin'),
      stack.web.origin,
    );
    const first = await settledHeight(page, frame);

    await fillUpToBooking(widget);
    const details = await settledHeight(page, frame);
    assert.notEqual(details, first, 'the height changed with the step');
    await widget.getByRole('button', { name: /^Book appointment$/ }).click();
    await widget.getByRole('heading', { name: /booked/i }).waitFor();
    await settledHeight(page, frame);

    const host = await seen(page);
    const inside = await seen(frame);
    assert.ok(host.events.length >= 5, 'step changes and the confirmation arrived');
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

  it('keeps two iframes on one page apart: each sizes itself and gets only its own events', async () => {
    const url = hostPage('/two-iframes.html', '', ['first', 'second']);
    // Tall enough to show both: a cross-origin frame out of view is not rendered, gets no
    // ResizeObserver callbacks and keeps a stale height (a product gap, not what this tests).
    const { page, problems, context } = await open(stack.browser, url, {
      viewport: { width: 1280, height: 2400 },
    });
    const firstFrame = await embedFrame(page, 'first');
    const secondFrame = await embedFrame(page, 'second');
    const first = page.frameLocator('#first iframe');
    const second = page.frameLocator('#second iframe');
    await first.getByRole('radio', { name: insurance }).waitFor();
    await second.getByRole('radio', { name: insurance }).waitFor();
    const secondStart = await settledHeight(page, secondFrame, 'second');

    // Only the first moves on: it fits each of its steps, the second keeps its height. The steps
    // differ in height, so a resize applied to the wrong iframe would show.
    await fillUpToBooking(first);
    const firstDetails = await settledHeight(page, firstFrame, 'first');
    assert.notEqual(firstDetails, secondStart, 'the details step is not as tall as the first step');
    assert.equal(await settledHeight(page, secondFrame, 'second'), secondStart);
    await first.getByRole('button', { name: /^Book appointment$/ }).click();
    await first.getByRole('heading', { name: /booked/i }).waitFor();
    const firstDone = await settledHeight(page, firstFrame, 'first');
    assert.equal(await settledHeight(page, secondFrame, 'second'), secondStart);
    // Then only the second: the first keeps its height.
    await second.getByRole('radio', { name: insurance }).check();
    await second.getByRole('button', { name: /Hausärztliche Beratung/ }).waitFor();
    assert.notEqual(await settledHeight(page, secondFrame, 'second'), firstDone);
    assert.equal(await settledHeight(page, firstFrame, 'first'), firstDone);

    const { events } = await seen(page);
    for (const e of events) assert.equal(e.target, `div#${e.host}`, 'dispatched on its own div');
    assert.deepEqual(detailsOf(events, 'booking-step-change', 'first'), GUEST_STEP_CHANGES);
    assert.deepEqual(
      detailsOf(events, 'booking-step-change', 'second'),
      GUEST_STEP_CHANGES.slice(0, 1), // the insurance chosen: the types show on the same screen
    );
    assert.equal(detailsOf(events, 'booking-confirmed', 'second').length, 0);
    const [confirmed, ...more] = detailsOf(events, 'booking-confirmed', 'first');
    assert.equal(more.length, 0, 'one confirmation');
    await assertConfirmedAsStored(stack, confirmed);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const rate of [1, 4]) {
    const slow = rate > 1 ? ` with the CPU ${rate}× slower` : '';
    it(`does not jump${slow}: between steps the iframe never collapses below both heights`, async () => {
      const path = `/no-jumps-${rate}.html`;
      const { page, problems, context } = await open(stack.browser, hostPage(path));
      const frame = await embedFrame(page);
      if (rate > 1) {
        // DevTools' CPU throttling, for the host page and the frame's own process alike: a slow
        // phone's timing, where a shrink and the next step's growth fall into different frames.
        for (const target of [page, frame]) {
          const cdp = await context.newCDPSession(target);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        }
      }
      await assertNoJumps(page, frame);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('loads without a jump: from the placeholder straight to the first step, never to 0', async () => {
    // The host page records every height the iframe gets, from its creation on.
    const recorder = `<script>
window.__heights = [];
new MutationObserver(() => {
  const iframe = document.querySelector('#booking iframe');
  if (iframe) window.__heights.push(iframe.getBoundingClientRect().height);
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
</script>`;
    const { page, problems, context } = await open(
      stack.browser,
      hostPage('/load-heights.html', '', ['booking'], recorder),
    );
    const frame = await embedFrame(page);
    await page.frameLocator('#booking iframe').getByRole('radio', { name: insurance }).waitFor();
    const final = await settledHeight(page, frame);
    const seen = await page.evaluate(
      () => (window as unknown as { __heights: number[] }).__heights,
    );
    const placeholder = seen[0]!;
    const floor = Math.min(placeholder, final) - 2;
    assert.ok(
      seen.every((h) => h >= floor),
      `placeholder ${placeholder} px → first step ${final} px, but the iframe was ${seen.join(', ')} px`,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('sizes itself below the fold too, before the patient scrolls there', async () => {
    const spacer = '<div style="height: 3000px">Long practice page</div>';
    const { page, problems, context } = await open(
      stack.browser,
      hostPage('/below-fold.html', '', ['booking'], spacer),
      { viewport: { width: 1024, height: 700 } },
    );
    const frame = await embedFrame(page);
    await page
      .frameLocator('#booking iframe')
      .getByRole('radio', { name: insurance })
      .first()
      .waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'not scrolled');
    // The iframe's height on the host page; the frame's own viewport catches up when shown.
    let last = await heights(page, frame);
    await until('the iframe to be as tall as its content', async () => {
      last = await heights(page, frame);
      return last.outer === last.content;
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(last)}`);
    });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'still not scrolled');
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
    await page.frameLocator('#booking iframe').getByRole('radio', { name: insurance }).waitFor();
    const height = await settledHeight(page, frame);
    const before = (await seen(page)).events.length;

    const confirmed = {
      source: 'patient-booking',
      type: 'booking-confirmed',
      detail: {
        appointmentId: 'forged',
        startsAt: 'x',
        endsAt: 'y',
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
    // Login comes from the backend's configuration; the callback beside embed.html is registered.
    stack.web.page(
      '/iframe-login.html',
      html(`<div id="booking" ${attrs({ 'data-patient-booking-iframe': '', 'data-locale': 'en' })}></div>
${embed()}`),
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
      html(`<div data-patient-booking-iframe data-locale="en"></div>
<script src="${stack.web.origin}/dist/embed.js" defer></script>`),
    );
    const { page, problems, context } = await open(stack.browser, `${foreign.origin}/framer.html`);
    await until('the refusal', () => problems.some((p) => p.includes('frame-ancestors')));
    assert.equal((await seen(page)).messages.length, 0);
    await context.close();
  });
});

/** Books a guest in `#booking`'s frame; between any two steps no height is below both. */
async function assertNoJumps(page: Page, frame: Frame): Promise<void> {
  const widget = page.frameLocator('#booking iframe');
  await widget.getByRole('radio', { name: insurance }).waitFor();
  const time = widget.getByRole('button', { name: /^\d{1,2}:\d{2}/ }).first();
  // Each step of a guest booking: what the patient does, and what shows the next step is there.
  const steps: Array<[string, () => Promise<void>, Locator]> = [
    [
      'the types of the insurance',
      () => widget.getByRole('radio', { name: insurance }).check(),
      widget.getByRole('button', { name: /Hausärztliche Beratung/ }),
    ],
    ['time', () => widget.getByRole('button', { name: /Hausärztliche Beratung/ }).click(), time],
    ['details', () => time.click(), widget.getByLabel('First name')],
    [
      'details filled',
      () => fillDetails(widget),
      widget.getByRole('button', { name: /^Book appointment$/ }),
    ],
    [
      'confirmed',
      () => widget.getByRole('button', { name: /^Book appointment$/ }).click(),
      widget.getByRole('heading', { name: /booked/i }),
    ],
  ];
  let height = await settledHeight(page, frame);
  for (const [step, act, arrived] of steps) {
    const stop = await sampleHeights(page, 'booking');
    await act();
    await arrived.waitFor();
    const next = await settledHeight(page, frame);
    const samples = await stop();
    // A step may be taller or shorter than the last, but nothing in between may be shorter
    // than both (frame-post.ts holds back a shrink until it has lasted). A collapse is hundreds
    // of px (690 → 414 → 496 was one); a few px are not: with the CPU throttled beside another
    // suite, the confirmation settles at 738 px for a while, then 741 px (cause not found yet).
    const floor = Math.min(height, next) - 8;
    assert.ok(
      Math.min(...samples) >= floor,
      `to ${step} (${height} → ${next} px) the iframe was ${samples.join(', ')} px`,
    );
    assert.equal(samples.at(-1), next, `the samples of ${step} end at its height`);
    height = next;
  }
}
