// A full guest booking in real Chromium against the sandbox portal and the token server,
// driven only by roles and labels, as a patient would.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eventsOf, openPage, startStack, widgetPage, type Stack } from '../support/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

async function bookings(): Promise<Array<Record<string, unknown>>> {
  const body = (await stack.control('/bookings', undefined, 'GET')) as {
    data: Array<Record<string, unknown>>;
  };
  return body.data;
}

async function pickFirstTime(page: Page) {
  const time = page.getByRole('button', { name: /^\d{1,2}:\d{2}/ }).first();
  await time.waitFor();
  await time.click();
}

describe('guest booking', () => {
  it('books in English, with events carrying ids and times only', async () => {
    const { page, problems, context } = await openPage(
      stack,
      widgetPage(stack, '/en.html', { locale: 'en' }),
    );
    await page.getByRole('button', { name: /Techniker Krankenkasse/ }).click();
    await page.getByRole('button', { name: /Allgemeinmedizin/ }).click();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await pickFirstTime(page);
    await page.getByLabel('First name').fill('Erika');
    await page.getByLabel('Last name').fill('Mustermann');
    await page.getByLabel('Email address').fill('erika@example.com');
    await page.getByLabel('Date of birth').fill('1980-04-12');
    await page.getByLabel('Mobile number').fill('+49 151 23456789');
    await page.getByRole('button', { name: /Continue/ }).click();
    await page.getByRole('button', { name: /Book now/ }).click();
    await page.getByRole('heading', { name: /booked/i }).waitFor();

    const created = await bookings();
    assert.equal(created.length, 1);
    const events = await eventsOf(page);
    const confirmed = events.find((e) => e.type === 'booking-confirmed');
    assert.ok(confirmed, 'booking-confirmed fired');
    assert.deepEqual(Object.keys(confirmed.detail).sort(), [
      'appointmentId',
      'appointmentTypeId',
      'endsAt',
      'guest',
      'startsAt',
    ]);
    assert.equal(confirmed.detail.guest, true);
    assert.equal(confirmed.detail.appointmentTypeId, '199');
    const serialized = JSON.stringify(events);
    for (const secret of ['Erika', 'Mustermann', 'erika@example.com', '1980-04-12']) {
      assert.ok(!serialized.includes(secret), `events must not carry ${secret}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
