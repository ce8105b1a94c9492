import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Appointment, Availability, Location } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { DetailBusy, PbAppointmentDetail } from '../../src/views/account/account-view.js';
import '../../src/views/account/account-view.js';

const START = new Date('2036-11-23T08:30:00Z'); // Sunday 09:30 in Berlin

function appt(over: Partial<Appointment> = {}): Appointment {
  return {
    id: '981',
    startsAt: START,
    endsAt: new Date(START.getTime() + 45 * 60_000),
    status: 'confirmed',
    type: { id: 't1', name: 'Vorsorgeuntersuchung' },
    location: { id: 'L1', name: 'Praxis Mitte' },
    video: false,
    cancelable: true,
    reschedulable: true,
    asapSubscription: null,
    ...over,
  };
}

const fullLocation: Location = {
  id: 'L1',
  name: 'Praxis Mitte',
  address: { street: 'Hauptstraße 1', postalCode: '10115', locality: 'Berlin' },
};
const earlier: Availability = {
  id: 'av+/=1',
  startsAt: new Date('2036-11-20T07:00:00Z'),
  endsAt: new Date('2036-11-20T07:45:00Z'),
};

interface Props {
  t?: typeof de;
  appointment?: Appointment;
  location?: Location;
  busy?: DetailBusy;
  error?: string;
  notice?: string;
  asapOffer?: Availability | null;
  asapEnabled?: boolean;
  asapEmail?: string;
  moved?: boolean;
  institutionName?: string;
}

function render(p: Props = {}) {
  const t = p.t ?? de;
  return fixture<PbAppointmentDetail>(
    html`<pb-appointment-detail
      .t=${t}
      .locale=${t === de ? 'de' : 'en'}
      time-zone="Europe/Berlin"
      .appointment=${p.appointment ?? appt()}
      .location=${p.location}
      .busy=${p.busy ?? null}
      .error=${p.error}
      .notice=${p.notice}
      .asapOffer=${p.asapOffer}
      .asapEnabled=${p.asapEnabled ?? false}
      .asapEmail=${p.asapEmail}
      .moved=${p.moved ?? false}
      .institutionName=${p.institutionName}
    ></pb-appointment-detail>`,
  );
}

const q = (el: PbAppointmentDetail, part: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: PbAppointmentDetail) => el.shadowRoot!.activeElement;
const dialogOf = (el: PbAppointmentDetail) => el.shadowRoot!.querySelector('dialog')!;
const closed = (d: HTMLDialogElement) =>
  d.open ? new Promise((r) => d.addEventListener('close', r, { once: true })) : Promise.resolve();

describe('<pb-appointment-detail>', () => {
  it('shows when, how long, where (with the full address) and the status', async () => {
    const el = await render({ location: fullLocation });
    expect(text(q(el, 'heading'))).to.equal('Vorsorgeuntersuchung');
    expect(q(el, 'heading')!.tagName).to.equal('H2');
    const summary = text(q(el, 'summary'));
    expect(summary).to.contain('Sonntag, 23. November 2036').and.contain('09:30 – 10:15');
    expect(summary).to.contain('45 Min.');
    expect(summary).to.contain('Praxis Mitte Hauptstraße 1, 10115 Berlin');
    expect(text(q(el, 'status'))).to.equal('Bestätigt');
    expect(text(q(el, 'reschedule'))).to.equal('Verschieben');
    expect(text(q(el, 'cancel'))).to.equal('Termin absagen');
    expect(q(el, 'not-changeable')).to.equal(null);
    expect(q(el, 'asap')).to.equal(null);
    expect(q(el, 'video')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('focuses its heading', async () => {
    const el = await render();
    el.focusHeading();
    expect(active(el)).to.equal(q(el, 'heading'));
  });

  it('fires pb-back and pb-reschedule', async () => {
    const el = await render();
    setTimeout(() => q(el, 'back')!.click());
    expect(text(q(el, 'back'))).to.equal('‹ Zurück zu meinen Terminen');
    const back = await oneEvent(el, 'pb-back');
    expect(back.bubbles && back.composed).to.equal(true);
    setTimeout(() => q(el, 'reschedule')!.click());
    await oneEvent(el, 'pb-reschedule');
  });

  it('confirms cancelling in a modal dialog; Escape and "Keep" do not cancel', async () => {
    const el = await render();
    const cancels: Event[] = [];
    el.addEventListener('pb-cancel', (e) => cancels.push(e));
    const cancel = q(el, 'cancel')!;
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(false);

    cancel.focus();
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    const note = el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(text(title)).to.equal('Termin am So., 23. Nov. 2036, 09:30 absagen?');
    expect(text(note)).to.contain('nicht rückgängig');
    expect(active(el)).to.equal(q(el, 'cancel-keep'));
    await expect(el).shadowDom.to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await closed(dialog);
    expect(dialog.open).to.equal(false);
    expect(active(el)).to.equal(cancel);

    cancel.click();
    q(el, 'cancel-keep')!.click();
    await closed(dialog);
    expect(active(el)).to.equal(cancel);
    expect(cancels).to.have.length(0);

    cancel.click();
    expect(text(q(el, 'cancel-confirm'))).to.equal('Ja, absagen');
    q(el, 'cancel-confirm')!.click();
    await closed(dialog);
    expect(cancels).to.have.length(1);
    expect((cancels[0] as CustomEvent).detail).to.deep.equal({});
    expect(cancels[0].composed).to.equal(true);
    expect(active(el)).to.equal(cancel);
  });

  it('is busy while cancelling, then moves focus to the heading and shows the notice', async () => {
    const el = await render();
    const cancel = q(el, 'cancel')!;
    cancel.focus();
    el.busy = 'cancel';
    await el.updateComplete;
    expect(cancel.getAttribute('aria-busy')).to.equal('true');
    expect(cancel.getAttribute('aria-disabled')).to.equal('true');
    expect(q(el, 'reschedule')!.getAttribute('aria-disabled')).to.equal('true');
    expect(q(el, 'reschedule')!.getAttribute('aria-busy')).to.equal('false');
    cancel.click();
    expect(dialogOf(el).open).to.equal(false);

    el.busy = null;
    el.appointment = appt({ status: 'cancelled', cancelable: false, reschedulable: false });
    el.notice = de.account.cancelled;
    await el.updateComplete;
    expect(q(el, 'cancel')).to.equal(null);
    expect(q(el, 'not-changeable')).to.equal(null);
    expect(active(el)).to.equal(q(el, 'heading'));
    const notice = q(el, 'notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(text(notice)).to.equal('Ihr Termin wurde abgesagt.');
    expect(text(q(el, 'status'))).to.equal('Abgesagt');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('explains why an appointment cannot be changed online', async () => {
    const el = await render({
      appointment: appt({ cancelable: false, reschedulable: false }),
      error: de.errors.not_cancelable,
    });
    expect(q(el, 'cancel')).to.equal(null);
    expect(q(el, 'reschedule')).to.equal(null);
    expect(text(q(el, 'not-changeable'))).to.contain('bis 24 Stunden vor Beginn');
    const alert = q(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('weniger als 24 Stunden');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('offers no actions for a past appointment', async () => {
    const past = new Date('2020-03-02T09:00:00Z');
    const el = await render({
      appointment: appt({ startsAt: past, endsAt: new Date(past.getTime() + 1_800_000) }),
      asapEnabled: true,
    });
    expect(q(el, 'cancel')).to.equal(null);
    expect(q(el, 'reschedule')).to.equal(null);
    expect(q(el, 'not-changeable')).to.equal(null);
    expect(q(el, 'asap')).to.equal(null);
    expect(q(el, 'calendar')).to.equal(null);
    // What can be done with a past one: book it again.
    expect(text(q(el, 'book-again'))).to.equal(de.account.bookAgain);
  });

  it('offers the appointment as a calendar file (.ics) while it is ahead', async () => {
    const el = await render({ location: fullLocation, institutionName: 'Praxis Dr. Weber' });
    const link = q(el, 'calendar') as HTMLAnchorElement;
    expect(text(link)).to.equal(de.confirmation.addToCalendar);
    expect(link.getAttribute('download')).to.equal('termin.ics');
    const ics = await (await fetch(link.href)).text();
    expect(ics).to.contain('UID:981@patient-booking');
    expect(ics).to.contain('DTSTART:20361123T083000Z');
    expect(ics).to.contain('SUMMARY:Vorsorgeuntersuchung – Praxis Dr. Weber');
    expect(ics).to.contain('LOCATION:Praxis Mitte\\, Hauptstraße 1\\, 10115 Berlin');
    expect(ics).to.match(/SEQUENCE:\d+/);
    await expect(el).shadowDom.to.be.accessible();

    const cancelled = await render({ appointment: appt({ status: 'cancelled' }) });
    expect(q(cancelled, 'calendar')).to.equal(null);
    expect(q(cancelled, 'book-again')).not.to.equal(null);
  });

  it('after a move, offers the new time as a calendar file in the notice', async () => {
    const el = await render({ notice: de.account.moved('Do., 20. Nov. 2036, 08:00'), moved: true });
    const notice = q(el, 'notice')!;
    const links = el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="calendar"]');
    expect(links).to.have.length(1);
    expect(notice.contains(links[0]!)).to.equal(true);
    expect(text(links[0]!)).to.equal(de.account.movedCalendar);
    await expect(el).shadowDom.to.be.accessible();
    // The file goes when the view does.
    const url = links[0]!.href;
    el.remove();
    await fetch(url).then(
      () => expect.fail('the object URL should be revoked'),
      () => undefined,
    );
  });

  it('fires pb-book-again', async () => {
    const el = await render();
    setTimeout(() => q(el, 'book-again')!.click());
    await oneEvent(el, 'pb-book-again');
  });

  it('joins a video consultation (pb-video synchronously in the click)', async () => {
    const el = await render({ appointment: appt({ video: true }) });
    expect(text(q(el, 'summary'))).to.contain('Videosprechstunde');
    expect(text(q(el, 'summary'))).not.to.contain('Praxis Mitte');
    const join = q(el, 'video')!;
    expect(text(join)).to.equal('Videosprechstunde beitreten');
    const note = el.shadowRoot!.getElementById(join.getAttribute('aria-describedby')!)!;
    expect(text(note)).to.equal('Öffnet sich in einem neuen Fenster.');
    let count = 0;
    el.addEventListener('pb-video', () => count++);
    join.click();
    expect(count).to.equal(1);
    el.busy = 'video';
    await el.updateComplete;
    expect(join.getAttribute('aria-busy')).to.equal('true');
    join.click();
    expect(count).to.equal(1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('joins the ASAP list with a labelled, prefilled, validated email field', async () => {
    const el = await render({ asapEnabled: true, asapEmail: 'erika@example.de' });
    expect(text(q(el, 'asap')!.querySelector('h3'))).to.equal('Früherer Termin');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#asap-email')!;
    expect(input.type).to.equal('email');
    expect(input.required).to.equal(true);
    expect(input.value).to.equal('erika@example.de');
    expect(text(el.shadowRoot!.querySelector('label[for="asap-email"]'))).to.equal(
      'E-Mail-Adresse',
    );
    await expect(el).shadowDom.to.be.accessible();

    const events: CustomEvent[] = [];
    el.addEventListener('pb-asap-subscribe', (e) => events.push(e));
    input.focus();
    input.select();
    await sendKeys({ type: 'kein-at' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(text(error)).to.equal(de.details.invalid.email);
    expect(active(el)).to.equal(input);
    await expect(el).shadowDom.to.be.accessible();

    input.select();
    await sendKeys({ press: 'Backspace' });
    q(el, 'asap-join')!.click();
    await el.updateComplete;
    expect(text(el.shadowRoot!.getElementById('asap-email-error'))).to.equal(
      de.details.required.email,
    );

    await sendKeys({ type: ' max@example.de ' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => e.detail)).to.deep.equal([{ email: 'max@example.de' }]);

    el.busy = 'asap';
    await el.updateComplete;
    expect(q(el, 'asap-join')!.getAttribute('aria-busy')).to.equal('true');
    q(el, 'asap-join')!.click();
    expect(events).to.have.length(1);
  });

  it('on the ASAP list: check now, leave, no earlier time, take an earlier one', async () => {
    const el = await render({
      asapEnabled: true,
      appointment: appt({ asapSubscription: { email: 'erika@example.de' } }),
    });
    expect(text(q(el, 'asap'))).to.contain(
      'Sie stehen auf der Liste für einen früheren Termin (erika@example.de).',
    );
    expect(el.shadowRoot!.querySelector('#asap-email')).to.equal(null);
    const result = q(el, 'asap-result')!;
    expect(result.getAttribute('role')).to.equal('status');
    expect(text(result)).to.equal('');

    setTimeout(() => q(el, 'asap-check')!.click());
    await oneEvent(el, 'pb-asap-check');
    el.busy = 'check';
    await el.updateComplete;
    expect(q(el, 'asap-check')!.getAttribute('aria-busy')).to.equal('true');
    expect(q(el, 'asap-leave')!.getAttribute('aria-disabled')).to.equal('true');

    el.busy = null;
    el.asapOffer = null;
    await el.updateComplete;
    expect(text(result)).to.equal('Gerade ist kein früherer Termin frei.');
    expect(q(el, 'asap-take')).to.equal(null);

    el.asapOffer = earlier;
    await el.updateComplete;
    expect(text(result)).to.equal('Ein früherer Termin ist frei: Do., 20. Nov. 2036, 08:00');
    expect(text(q(el, 'asap-take'))).to.equal('Termin auf diese Zeit verschieben');
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => q(el, 'asap-take')!.click());
    expect((await oneEvent(el, 'pb-asap-take')).detail).to.deep.equal({ availabilityId: 'av+/=1' });
    el.busy = 'take';
    await el.updateComplete;
    expect(q(el, 'asap-take')!.getAttribute('aria-busy')).to.equal('true');

    el.busy = null;
    await el.updateComplete;
    setTimeout(() => q(el, 'asap-leave')!.click());
    await oneEvent(el, 'pb-asap-unsubscribe');
  });

  it('speaks English', async () => {
    const el = await render({
      t: en,
      asapEnabled: true,
      asapOffer: earlier,
      notice: en.account.subscribed,
      appointment: appt({ asapSubscription: { email: 'erika@example.de' } }),
    });
    expect(text(q(el, 'summary')))
      .to.contain('Sunday, 23 November 2036')
      .and.contain('45 min');
    expect(text(q(el, 'back'))).to.contain('Back to my appointments');
    expect(text(q(el, 'cancel'))).to.equal('Cancel appointment');
    expect(text(q(el, 'reschedule'))).to.equal('Reschedule');
    expect(text(q(el, 'notice'))).to.contain('You are on the list');
    expect(text(q(el, 'asap-result'))).to.equal('An earlier time is free: Thu, 20 Nov 2036, 08:00');
    expect(text(q(el, 'asap-check'))).to.equal('Check for an earlier time now');
    expect(text(q(el, 'asap-leave'))).to.equal('Leave the list');
    expect(text(q(el, 'dialog-heading'))).to.equal(
      'Cancel this appointment on Sun, 23 Nov 2036, 09:30?',
    );
    q(el, 'cancel')!.click();
    expect(text(q(el, 'cancel-keep'))).to.equal('Keep appointment');
    expect(text(q(el, 'cancel-confirm'))).to.equal('Yes, cancel');
    await expect(el).shadowDom.to.be.accessible();
    dialogOf(el).close();
  });
});
