// Fault injection around the backend's guest token, end to end: a token the portal refuses
// mid-flow (401), tokens that really expire, parallel 401s, a portal that refuses the backend.
// The browser never holds a guest token: the backend renews its own, and the page sees no 401.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, widgetPage, type Stack } from '../support/stack.js';
import {
  assertBookings,
  assertFaultsUsed,
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
  startPortalPair,
  type PortalPair,
} from '../support/faults.js';

let stack: Stack;
/** Per test: a second portal whose tokens live 2 s, with its own backend (its own token cache). */
let shortLived: PortalPair;
const tally = newTally();
before(async () => {
  stack = await startStack();
});
after(async () => {
  printTally('fault-auth', tally);
  await stack?.close();
});
beforeEach(async () => {
  await stack.control('/reset');
  shortLived = await startPortalPair(stack, { tokenTtl: 2 });
});
afterEach(() => shortLived.close());

const INVALID_TOKEN = { status: 401, body: '{"error":"invalid_token"}' };

describe('faults: access tokens', () => {
  it('access token expired mid-flow (the portal answers 401 invalid_token on the times and on the booking): one refresh each, completes', async () => {
    const url = widgetPage(stack, '/auth-401.html', { locale: 'en' });
    const { page, net, context, uncaught } = await openLogged(stack, url);
    await inject(stack, tally, { method: 'GET', path: '/availabilities$', ...INVALID_TOKEN });
    await chooseType(page);
    await pickTime(page);
    await fillDetails(page);
    await inject(stack, tally, { method: 'POST', path: '/booking$', ...INVALID_TOKEN });
    await bookNow(page).click();
    await confirmation(page).waitFor();
    await assertFaultsUsed(stack);

    await net.settle();
    assert.deepEqual(
      net.entries.filter((e) => e.status === 401).map((e) => e.url.pathname),
      [],
      'the backend renewed its token: the page saw no 401',
    );
    assert.ok(
      net.entries.every((e) => !/\/token$/.test(e.url.pathname)),
      'the page asked for no token',
    );
    const posts = await net.api('POST', /^\/booking$/);
    assert.deepEqual(
      posts.map((e) => e.status),
      [201],
    );
    await assertBookings(stack, tally, 1);
    assert.deepEqual(await errorEvents(page), []);
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('three parallel 401s cause one refresh', async () => {
    // With insurance and category preselected, the type step loads three things at once.
    const url = widgetPage(stack, '/auth-parallel.html', {
      locale: 'en',
      'insurance-id': '136',
      'appointment-category-id': '53',
    });
    await inject(stack, tally, {
      method: 'GET',
      path: '^/api/patient/v1/(institutions|appointment_types|locations)$',
      times: 3,
      ...INVALID_TOKEN,
    });
    const tokensBefore = stack.backendStats().upstream.token;
    const { page, net, context, uncaught } = await openLogged(stack, url);
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await pickTime(page);
    await assertFaultsUsed(stack);

    await net.settle();
    assert.equal(net.entries.filter((e) => e.status === 401).length, 0, 'the page saw no 401');
    // Refused with the same token, the backend drops it once and asks once more (a retry that
    // meets one of the injected 401s again is a 502 the widget retries: never a 401).
    const renewals = stack.backendStats().upstream.token - tokensBefore;
    assert.ok(renewals >= 1 && renewals <= 3, `one renewal per refused token, got ${renewals}`);
    for (const path of ['/institutions', '/appointment_types', '/locations']) {
      const tries = (await net.api('GET', new RegExp(`^${path}$`))).map((e) => e.status);
      assert.equal(tries.at(-1), 200, `${path} answered in the end: ${tries.join(', ')}`);
    }
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('renewal refused (the portal refuses the backend, 401 invalid_client): a clear message, Try again completes', async () => {
    const url = widgetPage(stack, '/auth-refused.html', {
      locale: 'en',
      backend: shortLived.backend,
    });
    const { page, context, uncaught } = await openLogged(stack, url);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    // Once the first token has run out, the backend's next request to the portal is refused.
    await inject(shortLived, tally, {
      method: 'POST',
      path: '^/oauth/token$',
      status: 401,
      body: '{"error":"invalid_client","error_description":"client authentication failed"}',
    });
    await page.waitForTimeout(2_100);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    const alert = page.getByRole('alert').filter({ hasText: 'Online booking is not available' });
    await alert.waitFor();
    const errors = await errorEvents(page);
    assert.ok(
      errors.some((e) => e.code === 'backend'),
      `booking-error backend, got ${JSON.stringify(errors)}`,
    );
    assert.ok(
      errors.every((e) => e.status !== 401),
      'the host is not told of a 401 the portal never sent the widget',
    );
    await assertFaultsUsed(shortLived);

    // The portal takes the client again, with long-lived tokens.
    await shortLived.control('/config', { tokenTtl: 7200 });
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await pickTime(page);
    await fillDetails(page);
    await bookNow(page).click();
    await confirmation(page).waitFor();
    await assertBookings(shortLived, tally, 1);
    assert.deepEqual(uncaught, []);
    await context.close();
  });
});

/** The portal ends tokens early (revoked, or short-lived): the backend gets new ones. */
describe('faults: access tokens the portal refuses for good', () => {
  it('tokens that really expire mid-flow (lifetime 2 s) are renewed and the booking completes', async () => {
    const url = widgetPage(stack, '/auth-expiry.html', {
      locale: 'en',
      backend: shortLived.backend,
    });
    const { page, net, context, uncaught } = await openLogged(stack, url);
    await chooseType(page);
    await pickTime(page);
    // The patient takes a while over the form: the token of the first steps expires meanwhile.
    await page.waitForTimeout(2_500);
    await fillDetails(page);
    await bookNow(page).click();
    await confirmation(page).waitFor();

    await net.settle();
    assert.equal(net.entries.filter((e) => e.status === 401).length, 0, 'the page saw no 401');
    assert.ok(
      shortLived.backendStats().upstream.token >= 2,
      'the backend went on with a new token',
    );
    await assertBookings(shortLived, tally, 1);
    assert.deepEqual(await errorEvents(page), []);
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('every token revoked at the portal mid-flow: the backend gets a fresh guest token and the booking completes', async () => {
    const url = widgetPage(stack, '/auth-revoked.html', { locale: 'en' });
    const { page, context, uncaught } = await openLogged(stack, url);
    await chooseType(page);
    await pickTime(page);
    await fillDetails(page);
    await stack.control('/revoke');
    await bookNow(page).click();
    const outcome = await Promise.race([
      confirmation(page)
        .waitFor({ timeout: 8_000 })
        .then(() => 'confirmed'),
      page
        .getByRole('alert')
        .first()
        .waitFor({ timeout: 8_000 })
        .then(async () => `error: ${await page.getByRole('alert').first().textContent()}`),
    ]);
    assert.equal(outcome, 'confirmed');
    await assertBookings(stack, tally, 1);
    assert.deepEqual(uncaught, []);
    await context.close();
  });
});
