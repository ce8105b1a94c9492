import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Appointment, Availability } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbRescheduleConfirm } from '../../src/views/account/account-view.js';
import type { PbTimeStep } from '../../src/views/steps/time-step.js';
import '../../src/views/account/account-view.js';
import '../../src/views/steps/time-step.js';

const appointment: Appointment = {
  id: '981',
  startsAt: new Date('2036-11-23T08:30:00Z'),
  endsAt: new Date('2036-11-23T09:00:00Z'),
  status: 'confirmed',
  type: { id: 't1', name: 'Vorsorgeuntersuchung' },
  video: false,
  cancelable: true,
  reschedulable: true,
  asapSubscription: null,
};
// 2036-07-01 is summer time: 10:00 in Berlin
const availability: Availability = {
  id: 'new+/=',
  startsAt: new Date('2036-07-01T08:00:00Z'),
  endsAt: new Date('2036-07-01T08:30:00Z'),
};

function render(t = de, props: { submitting?: boolean; error?: string } = {}) {
  return fixture<PbRescheduleConfirm>(
    html`<pb-reschedule-confirm
      .t=${t}
      .locale=${t === de ? 'de' : 'en'}
      time-zone="Europe/Berlin"
      .appointment=${appointment}
      .availability=${availability}
      .submitting=${props.submitting ?? false}
      .error=${props.error}
    ></pb-reschedule-confirm>`,
  );
}

const q = (el: HTMLElement, part: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<pb-reschedule-confirm>', () => {
  it('shows the current and the new time in the clinic zone', async () => {
    const el = await render();
    expect(text(q(el, 'heading'))).to.equal('Termin verschieben?');
    expect(text(el.shadowRoot!.querySelector('.type'))).to.equal('Vorsorgeuntersuchung');
    expect(text(q(el, 'before'))).to.equal(
      'Bisherige Zeit Sonntag, 23. November 2036 09:30 – 10:00',
    );
    expect(text(q(el, 'after'))).to.equal('Neue Zeit Dienstag, 1. Juli 2036 10:00 – 10:30');
    const before = q(el, 'before')!.compareDocumentPosition(q(el, 'after')!);
    expect(before & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(q(el, 'error')).to.equal(null);
    el.focusHeading();
    expect(el.shadowRoot!.activeElement).to.equal(q(el, 'heading'));
    await expect(el).shadowDom.to.be.accessible();
  });

  it('fires pb-confirm from "Move appointment", also from the keyboard', async () => {
    const el = await render();
    const confirm = q(el, 'confirm')!;
    expect(text(confirm)).to.equal('Termin verschieben');
    setTimeout(() => confirm.click());
    const e = await oneEvent(el, 'pb-confirm');
    expect(e.bubbles && e.composed).to.equal(true);
    confirm.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'pb-confirm');
  });

  it('ignores pb-confirm while submitting and stays focused', async () => {
    const el = await render();
    const confirm = q(el, 'confirm')!;
    confirm.focus();
    el.submitting = true;
    await el.updateComplete;
    expect(confirm.getAttribute('aria-busy')).to.equal('true');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    expect(text(confirm)).to.equal('Wird verschoben …');
    expect(el.shadowRoot!.activeElement).to.equal(confirm);
    let fired = false;
    el.addEventListener('pb-confirm', () => (fired = true));
    confirm.click();
    expect(fired).to.equal(false);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows an error and goes back with "Choose another time"', async () => {
    const el = await render(de, { error: de.errors.availability_taken });
    const alert = q(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('gerade vergeben');
    expect(text(q(el, 'back'))).to.equal('Andere Zeit wählen');
    setTimeout(() => q(el, 'back')!.click());
    await oneEvent(el, 'pb-back');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await render(en, { submitting: true });
    expect(text(q(el, 'heading'))).to.equal('Move your appointment?');
    expect(text(q(el, 'before'))).to.equal('Current time Sunday, 23 November 2036 09:30 – 10:00');
    expect(text(q(el, 'after'))).to.equal('New time Tuesday, 1 July 2036 10:00 – 10:30');
    expect(text(q(el, 'confirm'))).to.equal('Moving …');
    el.submitting = false;
    await el.updateComplete;
    expect(text(q(el, 'confirm'))).to.equal('Move appointment');
    expect(text(q(el, 'back'))).to.equal('Choose another time');
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('<pb-time-step> heading (rescheduling)', () => {
  const timeStep = (t: typeof de, heading?: string) =>
    fixture<PbTimeStep>(
      html`<pb-time-step .t=${t} .heading=${heading} .availabilities=${[]}></pb-time-step>`,
    );

  it('keeps the default heading', async () => {
    expect(text(q(await timeStep(de), 'heading'))).to.equal(de.time.heading);
  });

  it('shows "Choose a new time" when given', async () => {
    const el = await timeStep(de, de.account.newTimeHeading);
    expect(text(q(el, 'heading'))).to.equal('Neue Zeit wählen');
    const en1 = await timeStep(en, en.account.newTimeHeading);
    expect(text(q(en1, 'heading'))).to.equal('Choose a new time');
    await expect(en1).shadowDom.to.be.accessible();
  });
});
