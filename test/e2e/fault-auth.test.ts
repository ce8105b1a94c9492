// Fault injection around access tokens, end to end: a token the portal refuses mid-flow (401),
// tokens that really expire, a refresh the token server cannot serve, parallel 401s.
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
/** Per test: a second portal whose tokens live 2 s, with its own token server (its own cache). */
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

    assert.equal(
      (await net.to(stack.tokenUrl)).length,
      3,
      'the first token and one refresh per 401',
    );
    const posts = await net.api('POST', /^\/booking$/);
    assert.deepEqual(
      posts.map((e) => e.status),
      [401, 201],
    );
    assert.equal(new Set(posts.map((e) => e.headers['idempotency-key'])).size, 1);
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
    const { page, net, context, uncaught } = await openLogged(stack, url);
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await pickTime(page);
    await assertFaultsUsed(stack);

    await net.settle();
    const refused = net.entries.filter((e) => e.status === 401);
    assert.equal(refused.length, 3, 'three requests were refused');
    // All three got their token before any 401 came back (one task starts them): the others join
    // the refresh the first 401 starts, or, arriving after it, use its token without another.
    assert.equal((await net.to(stack.tokenUrl)).length, 2, 'the first token and a single refresh');
    for (const path of ['/institutions', '/appointment_types', '/locations']) {
      const tries = (await net.api('GET', new RegExp(`^${path}$`))).map((e) => e.status);
      assert.deepEqual(tries, [401, 200], `${path} retried once`);
    }
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('refresh refused (the portal refuses the token server, 401 invalid_client): a clear message, Try again completes', async () => {
    const url = widgetPage(stack, '/auth-refused.html', {
      locale: 'en',
      'portal-url': shortLived.portal,
      'token-url': shortLived.tokenUrl,
    });
    const { page, context, uncaught } = await openLogged(stack, url);
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).waitFor();
    // Once the first token has run out, the token server's next request to the portal is refused.
    await inject(shortLived, tally, {
      method: 'POST',
      path: '^/oauth/token$',
      status: 401,
      body: '{"error":"invalid_client","error_description":"client authentication failed"}',
    });
    await page.waitForTimeout(2_100);
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Online booking is not available' });
    await alert.waitFor();
    const errors = await errorEvents(page);
    assert.ok(
      errors.some((e) => e.code === 'token_server'),
      `booking-error token_server, got ${JSON.stringify(errors)}`,
    );
    assert.ok(
      errors.every((e) => e.status !== 401),
      'the host is not told of a 401 the portal never sent the widget',
    );
    await assertFaultsUsed(shortLived);

    // The portal takes the client again, with long-lived tokens.
    await shortLived.control('/config', { tokenTtl: 7200 });
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: /Allgemeinmedizin/ }).click();
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

/**
 * The portal ends tokens early (revoked, or a 2 s token dying a second before the token server's
 * margin, as the portal counts whole seconds): the widget hands the refused token back
 * (`X-Refused-Token`) so the token server drops it instead of serving it again.
 */
describe('faults: access tokens the portal refuses for good', () => {
  it('tokens that really expire mid-flow (lifetime 2 s) are renewed and the booking completes', async () => {
    const url = widgetPage(stack, '/auth-expiry.html', {
      locale: 'en',
      'portal-url': shortLived.portal,
      'token-url': shortLived.tokenUrl,
    });
    const { page, net, context, uncaught } = await openLogged(stack, url);
    await chooseType(page);
    await pickTime(page);
    // The patient takes a while over the form: the token of the first steps expires meanwhile.
    await page.waitForTimeout(2_500);
    await fillDetails(page);
    await bookNow(page).click();
    await confirmation(page).waitFor();

    const bearers = new Set(
      net.entries
        .filter((e) => e.url.origin === shortLived.portal)
        .map((e) => e.headers.authorization),
    );
    bearers.delete(undefined as unknown as string);
    assert.ok(bearers.size >= 2, 'the widget went on with a new token');
    await assertBookings(shortLived, tally, 1);
    assert.deepEqual(await errorEvents(page), []);
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('every token revoked at the portal mid-flow: the widget gets a fresh guest token and completes', async () => {
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
