// A signed-in patient in real Chromium against the sandbox: their appointments (paged list,
// detail), reschedule, cancel, the ASAP list, video, booking with prefilled details, and what a
// token that runs out or is revoked mid-session does. The sandbox's state shows every change.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { icsUtc } from '../../src/time/ics.js';
import { eventsOf, openPage, startStack, type Stack } from '../support/stack.js';
import {
  focusedInStep,
  loginPage,
  seededAppointment,
  signIn,
  signInAgain,
} from '../support/login.js';

let stack: Stack;
before(async () => {
  // Many sign-ins and refreshes from one address: the backend's per-IP limit is off.
  stack = await startStack({
    backend: { rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 } },
  });
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

const seeded = (typeId: number) => seededAppointment(stack, typeId);

const current = (id: string) => stack.sandbox.state.appointments.get(id)!;

async function signedIn(path: string) {
  const opened = await openPage(stack, loginPage(stack, path));
  await signIn(opened.page);
  return opened;
}

async function openAppointment(page: Page, id: string) {
  await page.getByRole('button', { name: 'My appointments' }).click();
  await page.getByRole('heading', { name: 'My appointments' }).waitFor();
  await page.locator(`[part~="list"] [data-id="${id}"]`).click();
  await page.getByRole('button', { name: 'Back to my appointments' }).waitFor();
}

describe('signed-in patient', () => {
  it('lists upcoming and past appointments page by page, and opens one', async () => {
    const { page, context, problems } = await signedIn('/list.html');
    await page.getByRole('button', { name: 'My appointments' }).click();
    // Six ahead in the portal's count, one of them cancelled: five upcoming.
    await page.getByText('5 upcoming appointments · 24 past').waitFor();
    assert.equal(await focusedInStep(page), 'My appointments');
    const cards = page.locator('[part~="list"] [part~="appointment"]');
    await page.getByRole('heading', { name: 'Your next appointment' }).waitFor();
    // The next one above the list, not again in it; the cancelled one says so.
    const next = await page.locator('[part~="next"] [part~="appointment"]').getAttribute('data-id');
    assert.ok(next);
    assert.equal(await cards.count(), 5);
    assert.equal(await page.locator(`[part~="list"] [data-id="${next}"]`).count(), 0);
    assert.equal(await cards.filter({ hasText: 'Cancelled' }).count(), 1);
    await page.getByRole('button', { name: 'Past' }).click();
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('patient-booking')!
          .shadowRoot!.querySelector('pb-appointments-step')!
          .shadowRoot!.querySelectorAll('[part~="list"] [part~="appointment"]').length === 20,
    );
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('patient-booking')!
          .shadowRoot!.querySelector('pb-appointments-step')!
          .shadowRoot!.querySelectorAll('[part~="list"] [part~="appointment"]').length === 24,
    );
    assert.equal(await page.locator('[part~="more"]').count(), 0, 'no more pages');
    // Focus moved to the first new appointment.
    assert.equal(
      await page.evaluate(() => {
        const step = document
          .querySelector('patient-booking')!
          .shadowRoot!.querySelector('pb-appointments-step')!;
        return step.shadowRoot!.activeElement?.getAttribute('part');
      }),
      'appointment',
    );
    await cards.first().click();
    await page.getByRole('button', { name: 'Back to my appointments' }).waitFor();
    // A new screen: its heading has focus (and is announced).
    await page.waitForFunction(
      () => !!document.querySelector('patient-booking')!.shadowRoot!.activeElement,
    );
    assert.ok((await focusedInStep(page))?.length, 'the detail heading has focus');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'My appointments' }).waitFor();
    await page.getByRole('button', { name: 'Past', pressed: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('reschedules: new time in the sandbox, same id, event with the previous time', async () => {
    const target = seeded(201);
    const before = target.startsAt;
    const { page, context, problems } = await signedIn('/reschedule.html');
    await openAppointment(page, target.id);
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Choose a new time' }).waitFor();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Move your appointment?' }).waitFor();
    await page.getByRole('button', { name: 'Move appointment' }).click();
    await page.getByText(/Your appointment was moved to/).waitFor();
    const after = current(target.id);
    // The new time as a calendar file, from the notice; the same UID replaces the old entry.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Put the new time in your calendar (.ics)' }).click();
    const ics = await readFile((await (await download).path())!, 'utf8');
    assert.match(ics, new RegExp(`UID:${target.id}@patient-booking`));
    assert.match(ics, new RegExp(`DTSTART:${icsUtc(new Date(after.startsAt))}`));
    assert.match(ics, /SEQUENCE:\d+/);
    assert.equal(after.status, 'confirmed');
    assert.notEqual(after.startsAt, before);
    const event = (await eventsOf(page)).find((e) => e.type === 'booking-rescheduled');
    assert.deepEqual(event?.detail, {
      appointmentId: target.id,
      startsAt: new Date(after.startsAt).toISOString(),
      endsAt: new Date(after.endsAt).toISOString(),
      previousStartsAt: new Date(before).toISOString(),
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('cancels after a real dialog (Escape closes it, focus returns), and explains "too late"', async () => {
    const target = seeded(201);
    const { page, context } = await signedIn('/cancel.html');
    await openAppointment(page, target.id);
    const cancel = page.getByRole('button', { name: 'Cancel appointment' });
    await cancel.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(
      await page
        .getByRole('button', { name: 'Keep appointment' })
        .evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b),
      true,
      'focus starts on "Keep appointment"',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(
      await cancel.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b),
      true,
    );
    assert.equal(current(target.id).status, 'confirmed');

    // "Too late" from the portal (422 not_cancelable) is explained, not a generic error.
    await stack.control('/faults', {
      faults: [
        {
          method: 'POST',
          path: '/cancel$',
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({ message: 'too late', error: 'not_cancelable' }),
        },
      ],
    });
    await cancel.click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'can no longer be cancelled online' })
      .waitFor();
    assert.equal(current(target.id).status, 'confirmed');

    await cancel.click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page.getByText('Your appointment has been cancelled.').waitFor();
    assert.equal(current(target.id).status, 'cancelled');
    const events = await eventsOf(page);
    assert.deepEqual(events.find((e) => e.type === 'booking-cancelled')?.detail, {
      appointmentId: target.id,
    });
    await context.close();
  });

  it('joins the ASAP list, finds an earlier time and moves there, then leaves the list', async () => {
    const target = seeded(203);
    const { page, context, problems } = await signedIn('/asap.html');
    await openAppointment(page, target.id);
    const email = page.getByLabel('Email address');
    assert.equal(await email.inputValue(), 'patient@example.com');
    await page.getByRole('button', { name: 'Notify me about earlier times' }).click();
    await page.getByText('You are on the list. We will email you').waitFor();
    assert.equal(current(target.id).asapEmail, 'patient@example.com');

    await page.getByRole('button', { name: 'Check for an earlier time now' }).click();
    await page.getByText(/An earlier time is free/).waitFor();
    const before = current(target.id).startsAt;
    await page.getByRole('button', { name: 'Move my appointment to this time' }).click();
    await page.getByText(/Your appointment was moved to/).waitFor();
    assert.ok(current(target.id).startsAt < before, 'moved to an earlier time');

    await page.getByRole('button', { name: 'Leave the list' }).click();
    await page.getByText('You are no longer on the list for earlier times.').waitFor();
    assert.equal(current(target.id).asapEmail, null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens the video consultation in a new window', async () => {
    const target = seeded(204);
    const { page, context } = await signedIn('/video.html');
    await openAppointment(page, target.id);
    const opened = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Join video consultation' }).click();
    const video = await opened;
    await video.waitForURL(/\/video\//);
    assert.ok(video.url().startsWith(`${stack.portal}/video/`));
    await video.getByRole('heading', { name: 'Video consultation' }).waitFor();
    assert.equal(await video.evaluate(() => window.opener), null);
    await context.close();
  });

  it('books with prefilled, editable details: the appointment is tied to the patient', async () => {
    const { page, context } = await signedIn('/book.html');
    // The insurance of the patient's earlier appointments is chosen; its types are listed.
    await page.getByRole('radio', { name: /Techniker Krankenkasse/, checked: true }).waitFor();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    assert.equal(await page.getByLabel('First name').inputValue(), 'Erika');
    assert.equal(await page.getByLabel('Last name').inputValue(), 'Mustermann');
    assert.equal(await page.getByLabel('Email address').inputValue(), 'patient@example.com');
    await page.getByLabel('First name').fill('Erika Maria');
    const mobile = page.getByLabel('Mobile number');
    if (!(await mobile.inputValue())) await mobile.fill('+49 151 23456789');
    const born = page.getByLabel('Date of birth');
    if (!(await born.inputValue())) await born.fill('1964-08-12');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: /^Book appointment$/ }).click();
    await page.getByRole('heading', { name: /booked/i }).waitFor();
    const [booking] = stack.sandbox.state.bookings();
    const patient = stack.sandbox.state.patientByEmail('patient@example.com')!;
    assert.equal(booking?.patientId, patient.id);
    assert.equal(booking?.asapEmail, 'patient@example.com');
    const confirmed = (await eventsOf(page)).find((e) => e.type === 'booking-confirmed');
    assert.equal(confirmed?.detail.guest, false);
    await context.close();
  });
});

describe('book this again', () => {
  it("starts a booking of a past appointment's type at its times, and books it", async () => {
    const { page, context, problems } = await signedIn('/again.html');
    await page.getByRole('button', { name: 'My appointments' }).click();
    await page.getByRole('button', { name: 'Past' }).click();
    const card = page.locator('[part~="list"] [part~="appointment"]').first();
    const id = (await card.getAttribute('data-id'))!;
    const typeId = current(id).typeId;
    await card.click();
    await page.getByRole('button', { name: 'Book this again' }).click();
    await page.getByRole('heading', { name: 'When suits you?' }).waitFor();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    await page.getByLabel('First name').waitFor();
    const mobile = page.getByLabel('Mobile number');
    if (!(await mobile.inputValue())) await mobile.fill('+49 151 23456789');
    const born = page.getByLabel('Date of birth');
    if (await born.count()) {
      if (!(await born.inputValue())) await born.fill('12.08.1964');
    }
    await page.getByRole('button', { name: /^Book appointment$/ }).click();
    await page.getByRole('heading', { name: /booked/i }).waitFor();
    const [booking] = stack.sandbox.state.bookings();
    assert.equal(booking?.typeId, typeId);
    assert.equal(booking?.insuranceId, 136);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('tokens mid-session', () => {
  it('refreshes a short-lived token before it runs out, and once for parallel 401s', async () => {
    await stack.control('/config', { tokenTtl: 4 });
    const { page, context, problems } = await openPage(stack, loginPage(stack, '/expiry.html'));
    const grants: string[] = [];
    const refreshes: Array<{ sent: string; answer: Promise<string> }> = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/oauth/token')) {
        grants.push(new URLSearchParams(r.postData() ?? '').get('grant_type') ?? '');
      }
    });
    page.on('response', (r) => {
      const sent = r.request().postData() ?? '';
      if (r.url().endsWith('/oauth/token') && sent.startsWith('grant_type=refresh_token')) {
        refreshes.push({ sent, answer: r.text().catch(() => '') });
      }
    });
    const exchange = `${stack.web.origin}/dist/oauth/token`;
    await signIn(page);
    const sessionCookie = async () =>
      (await context.cookies(exchange)).find((c) => c.name === '__Secure-pb-refresh');
    const first = await sessionCookie();
    await page.waitForTimeout(2500); // past half the token's life
    await page.getByRole('button', { name: 'My appointments' }).click();
    await page.getByText('5 upcoming appointments · 24 past').waitFor();
    assert.deepEqual(grants, ['authorization_code', 'refresh_token']);
    // The refresh is the backend's cookie: the page sends no token and gets none back.
    assert.equal(refreshes[0]?.sent, 'grant_type=refresh_token&client_id=demo-client');
    const answer = JSON.parse(await refreshes[0]!.answer) as Record<string, unknown>;
    assert.equal(typeof answer.access_token, 'string');
    assert.equal(answer.refresh_token, undefined);
    const rotated = await sessionCookie();
    assert.ok(first && rotated);
    assert.notEqual(rotated.value, first.value, 'the portal rotated the refresh token');

    // The portal refuses the token of two parallel requests: one refresh, both retried.
    await stack.control('/faults', {
      faults: [
        {
          method: 'GET',
          path: '^/api/patient/v1/appointments',
          status: 401,
          times: 2,
          contentType: 'application/json',
          body: '{"error":"invalid_token"}',
        },
      ],
    });
    await page.getByRole('button', { name: 'Book an appointment' }).first().click();
    await page.getByRole('button', { name: 'My appointments' }).click();
    await page.locator('[part~="list"] [part~="appointment"]').first().waitFor();
    await page.getByText('5 upcoming appointments · 24 past').waitFor();
    // The list may show from the cache before the refused requests' refresh is sent: wait for it.
    for (let i = 0; i < 100 && grants.length < 3; i++) await page.waitForTimeout(50);
    assert.deepEqual(grants, ['authorization_code', 'refresh_token', 'refresh_token']);
    // Chromium logs each refused request; nothing else went wrong.
    assert.deepEqual(
      problems.filter((p) => !p.includes('status of 401')),
      [],
    );
    await context.close();
  });

  // Last in this file: /__sandbox/revoke also revokes the token server's cached guest token,
  // which stays cached (and refused) until it expires.
  it('ends a session whose refresh is refused, offers sign-in again and keeps the typed details', async () => {
    const { page, context } = await signedIn('/revoked.html');
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    await page.getByLabel('First name').fill('Erika typed');
    await stack.control('/revoke');
    await page.getByRole('button', { name: 'My appointments' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your session has expired. Please sign in again.' })
      .waitFor();
    await page.getByRole('button', { name: 'Sign in again' }).waitFor();
    assert.equal(await page.getByLabel('First name').inputValue(), 'Erika typed');
    await signInAgain(page, /^Sign in again$/);
    assert.equal(await page.getByLabel('First name').inputValue(), 'Erika typed');
    await context.close();
  });
});

describe('one origin', () => {
  it('every request of the pages above went to the backend (none to the portal or elsewhere)', () => {
    assert.deepEqual(stack.foreignRequests, []);
  });
});
