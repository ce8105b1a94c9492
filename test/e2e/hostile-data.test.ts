// Hostile data from the API, end to end: names, descriptions and error messages that carry HTML
// and script are shown as text, never as markup; nothing runs, no dialog opens.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startStack, widgetPage, type Stack } from '../support/stack.js';
import {
  assertBookings,
  assertFaultsUsed,
  bookNow,
  confirmation,
  countDeep,
  errorEvents,
  fillDetails,
  inject,
  newTally,
  openLogged,
  pendingFaults,
  pickTime,
  printTally,
  widgetText,
  type Opened,
} from '../support/faults.js';

let stack: Stack;
const tally = newTally();
before(async () => {
  stack = await startStack();
});
after(async () => {
  printTally('hostile-data', tally);
  await stack?.close();
});
beforeEach(() => stack.control('/reset'));

const HOSTILE =
  `<img src=x onerror=alert(1)><script>alert(2)</script>` +
  `<b onmouseover=alert(3)>bold</b><a href="javascript:alert(4)">x</a>"'&amp;`;

/** Markup that would have come from the data: none may exist, in the page or any shadow root. */
const INJECTED = 'img, b, a[href^="javascript"], iframe, object, embed, [onerror], [onmouseover]';

async function assertInert(opened: Opened, where: string): Promise<void> {
  const { page } = opened;
  assert.ok((await widgetText(page)).includes(HOSTILE), `${where}: shown literally, as text`);
  assert.equal(await countDeep(page, INJECTED), 0, `${where}: no element from the data`);
  // The page's one script is the widget's own module.
  assert.equal(await countDeep(page, 'script'), 1, `${where}: no script element from the data`);
  assert.deepEqual(opened.dialogs, [], `${where}: no dialog opened`);
}

const firstOption = (page: Page) => page.locator('[part~="option"]').first();
const firstRadio = (page: Page) => page.getByRole('radio').first();

describe('hostile data from the API', () => {
  it('names and descriptions with HTML and script, in every list, the institution and the booking answer: shown as text, never markup', async () => {
    await inject(stack, tally, {
      path: '^/api/patient/v1/(insurances|institutions|locations|appointment_categories|appointment_types|booking)$',
      times: 20,
      transform: { add: { name: HOSTILE, description: HOSTILE, short_name: HOSTILE } },
    });
    const url = widgetPage(stack, '/hostile-names.html', { locale: 'en' });
    const opened = await openLogged(stack, url);
    const { page, context, uncaught } = opened;

    await firstRadio(page).waitFor();
    await assertInert(opened, 'insurances');
    await firstRadio(page).check();
    await firstOption(page).waitFor();
    await assertInert(opened, 'categories and types');
    await firstOption(page).click();
    await pickTime(page);
    await assertInert(opened, 'the summary above the times');
    await fillDetails(page);
    await assertInert(opened, 'the summary above the details');
    await bookNow(page).click();
    await confirmation(page).waitFor();
    await assertInert(opened, 'confirmation');

    const left = await pendingFaults(stack);
    tally.faults -= left.reduce((n, f) => n + (f.times ?? 1), 0);
    await stack.control('/faults', undefined, 'DELETE');
    await assertBookings(stack, tally, 1);
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it('a 422 whose message and field errors carry HTML and script: shown as text next to the form, then booked', async () => {
    const url = widgetPage(stack, '/hostile-errors.html', { locale: 'en' });
    const opened = await openLogged(stack, url);
    const { page, context, uncaught } = opened;
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await pickTime(page);
    await fillDetails(page);
    await inject(stack, tally, {
      method: 'POST',
      path: '/booking$',
      status: 422,
      body: JSON.stringify({
        message: HOSTILE,
        error: HOSTILE,
        errors: [
          { field: 'patient_data.email', message: HOSTILE },
          { field: 'patient_data.comment', message: HOSTILE },
          { field: HOSTILE, message: HOSTILE },
        ],
      }),
    });
    await bookNow(page).click();
    // The form stays; the refusal marks the email field.
    await page.getByLabel('Email address').and(page.locator('[aria-invalid="true"]')).waitFor();
    await assertFaultsUsed(stack);
    await assertInert(opened, 'details with server errors');
    const [error] = await errorEvents(page);
    assert.deepEqual(error, {
      code: 'validation',
      message: 'The portal refused the submitted data.',
      status: 422,
      setting: null,
    });

    await bookNow(page).click();
    await confirmation(page).waitFor();
    await assertBookings(stack, tally, 1);
    assert.deepEqual(opened.dialogs, []);
    assert.deepEqual(uncaught, []);
    await context.close();
  });
});
