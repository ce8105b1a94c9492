// Duplicate submits and races, end to end: double click and Enter-key repeat on "Book appointment", the
// same slot booked from two browsers at once, and a slot taken by someone else at submit.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startStack, widgetPage, type Stack } from '../support/stack.js';
import {
  PATIENT,
  assertBookings,
  bookNow,
  chooseType,
  confirmation,
  errorEvents,
  fillDetails,
  guestToken,
  newTally,
  openLogged,
  pickTime,
  printTally,
  sandboxConfig,
  type NetLog,
  type Opened,
} from '../support/faults.js';

let stack: Stack;
const tally = newTally();
before(async () => {
  stack = await startStack();
});
after(async () => {
  printTally('fault-concurrency', tally);
  await stack?.close();
});
beforeEach(() => stack.control('/reset'));

const TAKEN = 'This time was just taken. Please choose another time – your details are kept.';

async function toBooking(name: string): Promise<Opened> {
  const opened = await openLogged(stack, widgetPage(stack, `/${name}.html`, { locale: 'en' }));
  await chooseType(opened.page);
  await pickTime(opened.page);
  await fillDetails(opened.page);
  return opened;
}

/** The booking POSTs a page sent, with their statuses. */
const bookingPosts = (net: NetLog) => net.api('POST', /^\/booking$/);

/** The details form shows what the patient typed before. */
async function assertDetailsKept(page: Page): Promise<void> {
  await page.getByLabel('First name').waitFor();
  assert.equal(await page.getByLabel('First name').inputValue(), PATIENT.first);
  assert.equal(await page.getByLabel('Last name').inputValue(), PATIENT.last);
  assert.equal(await page.getByLabel('Email address').inputValue(), PATIENT.email);
  // Shown as day, month, year (it was typed as 1971-02-03, as a browser's autofill may put it).
  const [year, month, day] = PATIENT.bornOn.split('-');
  assert.equal(await page.getByLabel('Date of birth').inputValue(), `${day}.${month}.${year}`);
  if (PATIENT.note) {
    assert.equal(await page.getByLabel(/Note to the practice/).inputValue(), PATIENT.note);
  }
}

/** Ids of the times in the page's n-th availabilities answer (-1: the last). */
async function slotIds(net: NetLog, n: number): Promise<string[]> {
  const entry = (await net.api('GET', /\/availabilities$/)).at(n);
  assert.ok(entry, 'the times were loaded');
  const body = (await (await entry.request.response())!.json()) as { data: Array<{ id: string }> };
  return body.data.map((a) => a.id);
}

/** After a 409: the notice above the times, fresh times without the taken one, the kept details. */
async function recoverFromTakenSlot(opened: Opened, takenId: string): Promise<void> {
  const { page, net } = opened;
  await page.getByRole('alert').filter({ hasText: TAKEN }).waitFor();
  await pickTime(page);
  assert.ok((await net.api('GET', /\/availabilities$/)).length >= 2, 'the times were loaded again');
  assert.ok(!(await slotIds(net, -1)).includes(takenId), 'the taken time is no longer offered');
  await assertDetailsKept(page);
  await bookNow(page).click();
  await confirmation(page).waitFor();
}

describe('faults: duplicate submits', () => {
  it('double click on "Book appointment" (slow portal): one request, one appointment', async () => {
    const { page, net, context, uncaught } = await toBooking('double-click');
    await sandboxConfig(stack, { latencyMs: 400 });
    // The booking's answer waits for the third click: on a loaded machine it once came first, and
    // the click waited 30 s for a "Booking…" button that was gone.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname.endsWith('/booking'),
      async (route) => {
        await released;
        await route.continue();
      },
    );
    await bookNow(page).dblclick();
    await page.getByRole('button', { name: /^Booking/ }).click({ force: true }); // a third, impatient click
    release();
    await confirmation(page).waitFor();
    tally.faults += 2; // two extra clicks
    assert.equal((await bookingPosts(net)).length, 1, 'one booking request');
    await assertBookings(stack, tally, 1);
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('Enter-key repeat on "Book appointment" (key held down): one request, one appointment', async () => {
    const { page, net, context, uncaught } = await toBooking('enter-repeat');
    await sandboxConfig(stack, { latencyMs: 400 });
    await bookNow(page).focus();
    for (let i = 0; i < 6; i++) await page.keyboard.down('Enter'); // 1 press + 5 auto-repeats
    await page.keyboard.up('Enter');
    await confirmation(page).waitFor();
    tally.faults += 5;
    assert.equal((await bookingPosts(net)).length, 1, 'one booking request');
    await assertBookings(stack, tally, 1);
    assert.deepEqual(uncaught, []);
    await context.close();
  });
});

describe('faults: races for one slot', () => {
  it('the same slot booked from two browsers at once: one 201, one 409; the loser keeps the form and books another time', async () => {
    const [a, b] = await Promise.all([toBooking('race-a'), toBooking('race-b')]);
    const [takenId] = await slotIds(a.net, 0);
    assert.equal(takenId, (await slotIds(b.net, 0))[0], 'both chose the same slot');
    await Promise.all([bookNow(a.page).click(), bookNow(b.page).click()]);
    tally.faults += 1;
    const winner = await Promise.race([
      confirmation(a.page)
        .waitFor()
        .then(() => a),
      confirmation(b.page)
        .waitFor()
        .then(() => b),
    ]);
    const loser = winner === a ? b : a;
    await loser.page.getByRole('alert').filter({ hasText: TAKEN }).waitFor();
    const posts = [...(await bookingPosts(a.net)), ...(await bookingPosts(b.net))];
    const statuses = posts.map((e) => e.status).sort();
    assert.deepEqual(statuses, [201, 409], 'one 201, one 409');
    const errors = await errorEvents(loser.page);
    assert.deepEqual(errors.at(-1), {
      code: 'availability_taken',
      message: 'The chosen time was taken meanwhile.',
      status: 409,
      setting: null,
    });

    await recoverFromTakenSlot(loser, takenId!);
    await assertBookings(stack, tally, 2);
    assert.deepEqual([...a.uncaught, ...b.uncaught], []);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('slot taken at submit (booked through the API between choosing and confirming): back to the times with a notice, details kept, another time books', async () => {
    const opened = await openLogged(
      stack,
      widgetPage(stack, '/taken-at-submit.html', { locale: 'en' }),
    );
    const { page, net, context, uncaught } = opened;
    await chooseType(page);
    await pickTime(page);
    const [chosen] = await slotIds(net, 0); // the first time of the first day: what the widget picked

    // Someone else books it through the API meanwhile.
    const other = await fetch(`${stack.portal}/api/patient/v1/booking`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await guestToken(stack)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        availability_id: chosen,
        patient_data: {
          first_name: 'Jonas',
          last_name: 'Beispiel',
          email: 'jonas.beispiel@example.org',
          born_on: '1985-06-07',
          mobile: '+49 30 1234567',
        },
      }),
    });
    assert.equal(other.status, 201, 'the other patient got the slot');
    tally.faults += 1;

    await fillDetails(page);
    await bookNow(page).click();
    await recoverFromTakenSlot(opened, chosen!);
    const statuses = (await bookingPosts(net)).map((e) => e.status);
    assert.deepEqual(statuses, [409, 201]);
    await assertBookings(stack, tally, 2);
    assert.deepEqual(uncaught, []);
    await context.close();
  });
});
