// The day/time step end to end, in real Chromium against the sandbox: a host's preselection that
// skips the first steps, the search for the first free time after an empty window and the jump to
// it, and times in the practice's zone for a visitor in another one.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startStack, widgetPage, type Stack } from '../support/stack.js';
import { bookings, bookNow, confirmation, fillDetails, pickTime } from '../support/faults.js';
import { addDays, plainDateIn, todayIn, weekStart } from '../../src/time/calendar.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

const DAY = 86_400_000;

/** The practice's wall clock (Europe/Berlin) for an instant: '09:40'. */
const berlinTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** English, with TK (136) and a category and type preselected: the widget opens at the times. */
const preselected = (categoryId: string, typeId: string) => ({
  locale: 'en',
  'insurance-id': '136',
  'appointment-category-id': categoryId,
  'appointment-type-id': typeId,
});

describe('time step', () => {
  it('a full preselection (insurance, category, type) opens at the times and books that type', async () => {
    const url = widgetPage(stack, '/preselected.html', preselected('53', '199'));
    const { page, context, problems } = await openPage(stack, url);
    await page.getByRole('heading', { name: 'When suits you?' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).count(), 0);
    await pickTime(page);
    await fillDetails(page);
    await bookNow(page).click();
    await confirmation(page).waitFor();
    const [booking] = (await bookings(stack)) as Array<{ appointment_type_id?: number }>;
    assert.equal(booking?.appointment_type_id, 199);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an empty window: the first free time, weeks ahead, is looked up at once; one click jumps there', async () => {
    // Type 200 (check-up): its first free time is 38 days ahead, past the 14-day window.
    const url = widgetPage(stack, '/far.html', preselected('54', '200'));
    const { page, context, problems } = await openPage(stack, url);
    await page.getByText(/^No free times from /).waitFor();
    const jump = page.getByRole('button', { name: /^Next free time: / });
    await jump.waitFor();
    await jump.click();
    const label = await pickTime(page);
    assert.match(label, /^\d{1,2}:\d{2}/);
    await fillDetails(page);
    await bookNow(page).click();
    await confirmation(page).waitFor();
    const [booking] = await bookings(stack);
    const ahead = (Date.parse(booking!.starts_at) - Date.now()) / DAY;
    assert.ok(ahead > 30, `booked ${ahead.toFixed(1)} days ahead, the first free time`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a visitor in New York sees the practice’s times, labelled with its zone; in Berlin, no label', async () => {
    const attributes = preselected('53', '199');
    const url = widgetPage(stack, '/zones.html', attributes);
    const note = /All times are in the practice's local time: Europe\/Berlin/;

    const away = await openPage(stack, url, { timezoneId: 'America/New_York' });
    await away.page.getByText(note).waitFor();
    const label = await pickTime(away.page);
    await fillDetails(away.page);
    await bookNow(away.page).click();
    await confirmation(away.page).waitFor();
    const [booking] = await bookings(stack);
    assert.equal(label.slice(0, 5).padStart(5, '0'), berlinTime(booking!.starts_at));
    await away.context.close();

    const home = await openPage(stack, url, { timezoneId: 'Europe/Berlin' });
    await home.page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .waitFor();
    assert.equal(await home.page.getByText(note).count(), 0);
    await home.context.close();
  });

  it('the dense day (a 5-minute vaccination at three locations) stays within two 375 px screens', async () => {
    // Type 202 offers about 265 times a day across its three locations; one location is shown.
    const url = widgetPage(stack, '/dense.html', preselected('55', '202'));
    const { page, context, problems } = await openPage(stack, url, {
      viewport: { width: 375, height: 667 },
    });
    await page.getByRole('radio', { name: 'Praxis am Stadtpark – Mitte' }).waitFor();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .waitFor();
    const measure = `(() => {
      const step = document.querySelector('patient-booking').shadowRoot.querySelector('pb-time-step');
      const counts = [...step.shadowRoot.querySelectorAll('[part~="period"] h4')]
        .map((h) => Number(h.querySelector('.muted').textContent.replace(/[^0-9]/g, '')));
      return { height: step.getBoundingClientRect().height, times: counts.reduce((a, b) => a + b, 0) };
    })()`;
    for (const location of ['Praxis am Stadtpark – Mitte', 'Impfzentrum Prenzlauer Berg']) {
      const { height, times } = (await page.evaluate(measure)) as { height: number; times: number };
      assert.ok(times > 40, `a dense day (${times} times at one location)`);
      assert.ok(height <= 2 * 667, `the time step is ${height} px tall`);
      await page.getByRole('radio', { name: location }).check();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('jumps to a date three weeks ahead, books a time in that week; the next week button loads the week after', async () => {
    const url = widgetPage(stack, '/jump.html', preselected('53', '199'));
    const { page, context, problems } = await openPage(stack, url);
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .waitFor();
    const target = addDays(todayIn('Europe/Berlin'), 21);
    await page.getByRole('button', { name: 'Choose a date' }).click();
    await page.getByLabel('Date', { exact: true }).fill(target);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const monday = weekStart(target);
    const tab = (day: string) => page.locator(`[role="tab"][data-day="${day}"]`);
    await tab(monday).waitFor();
    await page.locator('[role="tablist"][aria-busy="false"]').waitFor();
    await page.getByRole('button', { name: 'Next week' }).click();
    await tab(addDays(monday, 7)).waitFor();
    await page.locator('[role="tablist"][aria-busy="false"]').waitFor();
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.locator(`[role="tab"][data-day="${monday}"][aria-selected="true"]`).waitFor();
    await pickTime(page);
    await fillDetails(page);
    await bookNow(page).click();
    await confirmation(page).waitFor();
    const [booking] = await bookings(stack);
    const day = plainDateIn(new Date(booking!.starts_at), 'Europe/Berlin');
    assert.equal(weekStart(day), monday, `booked ${day}, in the week of ${target}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
