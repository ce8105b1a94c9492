// Over a booking budget (here: one guest booking per email address), the backend answers 429
// `booking_limited`; the widget says so in words a patient can act on, next to the practice's
// phone number, as an alert a screen reader reads out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bookAsGuest, bookNow, chooseType, fillDetails, pickTime } from '../support/faults.js';
import { eventsOf, openPage, startStack, widgetPage, type Stack } from '../support/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack({
    backend: {
      bookingLimits: { perIp: 0, perEmail: 1, perSlot: 0 },
      practice: { phone: '030 1234567' },
    },
  });
});
after(() => stack?.close());

describe('a booking over the backend’s budget', () => {
  it('says to call the practice, beside its number, as an alert (en)', async () => {
    const { page, context, problems } = await openPage(
      stack,
      widgetPage(stack, '/limit-en.html', {}, 'en'),
    );
    try {
      await bookAsGuest(page);
      await page.getByRole('button', { name: 'Book another appointment' }).click();
      await chooseType(page);
      await pickTime(page, 1);
      await fillDetails(page);
      await bookNow(page).click();
      const alert = page.getByRole('alert').filter({ hasText: /call the practice/ });
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /Too many bookings in a short time/);
      assert.equal(await page.getByRole('link', { name: '030 1234567' }).count(), 1);
      const errors = (await eventsOf(page)).filter((e) => e.type === 'booking-error');
      assert.deepEqual(
        errors.map((e) => [e.detail.code, e.detail.status]),
        [['rate_limited', 429]],
      );
      const body = (await stack.control('/bookings', undefined, 'GET')) as { data: unknown[] };
      assert.equal(body.data.length, 1);
      assert.deepEqual(
        problems.filter((p) => !p.includes('429')),
        [],
      );
    } finally {
      await context.close();
    }
  });
});
