// Fault injection, end to end in real Chromium against the sandbox: rate limits (429 with
// Retry-After), server errors and dropped connections on loads and on the booking itself.
// Every test ends with the booking made exactly once.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, startStack, widgetPage, type Stack } from '../support/stack.js';
import {
  assertBookings,
  assertFaultsUsed,
  assertRetryAfterKept,
  bookAsGuest,
  bookNow,
  chooseType,
  confirmation,
  errorEvents,
  fillDetails,
  inject,
  newTally,
  openLogged,
  pickTime,
  printTally,
  sandboxConfig,
  waitingNotice,
} from '../support/faults.js';

let stack: Stack;
const tally = newTally();
before(async () => {
  stack = await startStack();
});
after(async () => {
  printTally('fault-network', tally);
  await stack?.close();
});
beforeEach(() => stack.control('/reset'));

async function open(name: string) {
  const {
    page,
    net,
    context,
    uncaught: problems,
  } = await openLogged(stack, widgetPage(stack, `/${name}.html`, { locale: 'en' }));
  return { page, net, context, problems };
}

describe('faults: rate limits (429 + Retry-After)', () => {
  it('429 burst while loading (3 × 429, Retry-After 1 s): waits, says so, completes', async () => {
    await inject(
      stack,
      tally,
      { method: 'GET', path: '/institutions$', status: 429, retryAfter: 1 },
      { method: 'GET', path: '/insurances$', status: 429, retryAfter: 1, times: 2 },
    );
    const { page, net, context, problems } = await open('rate-load');
    await waitingNotice(page).waitFor();
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    await assertFaultsUsed(stack);

    const insurances = await net.api('GET', /^\/insurances$/);
    assert.deepEqual(
      insurances.map((e) => e.status),
      [429, 429, 200],
    );
    const waits = [
      ...(await assertRetryAfterKept(insurances)),
      ...(await assertRetryAfterKept(await net.api('GET', /^\/institutions$/))),
    ];
    assert.equal(waits.length, 3);

    await bookAsGuest(page);
    await assertBookings(stack, tally, 1);
    assert.deepEqual(await errorEvents(page), [], 'no error reached the host: all were retried');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('429 storm while booking (2 × 429 on POST /booking): same key, one appointment', async () => {
    const { page, net, context, problems } = await open('rate-book');
    await chooseType(page);
    await pickTime(page);
    await fillDetails(page);
    await inject(stack, tally, {
      method: 'POST',
      path: '/booking$',
      status: 429,
      retryAfter: 1,
      times: 2,
    });
    await bookNow(page).click();
    await waitingNotice(page).waitFor();
    await confirmation(page).waitFor();
    await assertFaultsUsed(stack);

    const posts = await net.api('POST', /^\/booking$/);
    assert.deepEqual(
      posts.map((e) => e.status),
      [429, 429, 201],
    );
    await assertRetryAfterKept(posts);
    const keys = new Set(posts.map((e) => e.headers['idempotency-key']));
    assert.equal(keys.size, 1, 'every attempt carries the same Idempotency-Key');
    assert.ok([...keys][0], 'the booking POST has an Idempotency-Key');
    await assertBookings(stack, tally, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("the portal's own rate limit (2 requests/s per client) through a whole booking", async () => {
    await sandboxConfig(stack, { rateLimit: 2, rateWindowMs: 1000 });
    const { page, net, context, problems } = await open('rate-real');
    await bookAsGuest(page);
    await net.settle();
    const limited = net.entries.filter((e) => e.status === 429);
    assert.ok(limited.length >= 1, 'the portal refused some requests (429)');
    tally.faults += limited.length;
    for (const path of new Set(limited.map((e) => e.path))) {
      // A load the flow did not wait for (the locations) may still be waiting at the end.
      await assertRetryAfterKept(
        net.entries.filter((e) => e.path === path && e.method !== 'OPTIONS'),
        { retried: false },
      );
    }
    await assertBookings(stack, tally, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('faults: server errors and dropped connections', () => {
  it('5xx (one with Retry-After) and dropped connections on every GET of the flow: retried and completed', async () => {
    await inject(
      stack,
      tally,
      { method: 'GET', path: '/institutions$', drop: 'before' },
      { method: 'GET', path: '/insurances$', status: 503 },
      { method: 'GET', path: '/insurances$', drop: 'midway' },
      { method: 'GET', path: '/appointment_categories$', status: 500 },
      { method: 'GET', path: '/appointment_categories$', status: 503, retryAfter: 1 },
      { method: 'GET', path: '/appointment_types$', drop: 'after' },
      { method: 'GET', path: '/locations$', status: 502 },
      { method: 'GET', path: '/availabilities$', status: 504 },
      { method: 'GET', path: '/availabilities$', drop: 'before' },
      { method: 'GET', path: '/availabilities$', drop: 'midway' },
    );
    const { page, net, context, problems } = await open('server-errors');
    await bookAsGuest(page);
    await assertFaultsUsed(stack);
    const categories = await net.api('GET', /^\/appointment_categories$/);
    assert.deepEqual(
      categories.map((e) => e.status),
      [500, 503, 200],
    );
    assert.equal((await assertRetryAfterKept(categories)).length, 1, "the 503's Retry-After kept");
    await assertBookings(stack, tally, 1);
    assert.deepEqual(await errorEvents(page), [], 'no error reached the host: all were retried');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('connection dropped after the booking POST was sent (before and during the answer), then a 503: the retries reuse the Idempotency-Key, one appointment', async () => {
    const { page, net, context, problems } = await open('drop-after-post');
    await chooseType(page);
    await pickTime(page);
    await fillDetails(page);
    await inject(
      stack,
      tally,
      { method: 'POST', path: '/booking$', drop: 'after' },
      { method: 'POST', path: '/booking$', drop: 'midway' },
      { method: 'POST', path: '/booking$', status: 503 },
    );
    await bookNow(page).click();
    await confirmation(page).waitFor();
    await assertFaultsUsed(stack);

    // The connection the backend lost to the portal becomes a 502 for the page, which the widget
    // retries with the same key: the key is what saves the day.
    const posts = await net.api('POST', /^\/booking$/);
    assert.ok(posts.length >= 3, 'the widget retried the booking');
    assert.ok(
      posts.slice(0, -2).every((e) => e.status === 502),
      `the first attempts lost their connection: ${posts.map((e) => e.status).join(', ')}`,
    );
    assert.equal(posts.at(-2)!.status, 503);
    const last = posts.at(-1)!;
    assert.equal(last.status, 201);
    const replayed = (await (await last.request.response())?.allHeaders())?.['idempotent-replayed'];
    assert.equal(replayed, 'true', 'the 201 is the replay of the first, dropped booking');
    const keys = new Set(posts.map((e) => e.headers['idempotency-key']));
    assert.equal(keys.size, 1, 'every attempt carries the same Idempotency-Key');
    const [booked] = await assertBookings(stack, tally, 1);
    const confirmed = (await eventsOf(page)).find((e) => e.type === 'booking-confirmed');
    assert.equal(confirmed?.detail.appointmentId, booked!.id, 'the widget shows the one booking');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
