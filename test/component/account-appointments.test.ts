import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Appointment, AppointmentsOverview } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbAppointmentsStep } from '../../src/views/account/account-view.js';
import '../../src/views/account/account-view.js';

function appt(id: string, iso: string, over: Partial<Appointment> = {}): Appointment {
  const startsAt = new Date(iso);
  return {
    id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
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

const list = [
  appt('a1', '2036-11-23T08:30:00Z'),
  // 00:15 on 25 Nov in Berlin (UTC+1)
  appt('a2', '2036-11-24T23:15:00Z', {
    video: true,
    type: { id: 't2', name: 'Videosprechstunde Befund' },
  }),
  appt('a3', '2036-12-01T10:00:00Z', { status: 'cancelled' }),
];
const overview: AppointmentsOverview = { upcomingCount: 2, pastCount: 24, next: list[0] };

interface Props {
  t?: typeof de;
  overview?: AppointmentsOverview;
  appointments?: Appointment[];
  filter?: 'upcoming' | 'past';
  hasMore?: boolean;
  loadingMore?: boolean;
  error?: string;
}

function render(p: Props = {}) {
  const t = p.t ?? de;
  return fixture<PbAppointmentsStep>(
    html`<pb-appointments-step
      .t=${t}
      .locale=${t === de ? 'de' : 'en'}
      time-zone="Europe/Berlin"
      .overview=${p.overview}
      .appointments=${p.appointments}
      .filter=${p.filter ?? 'upcoming'}
      .hasMore=${p.hasMore ?? false}
      .loadingMore=${p.loadingMore ?? false}
      .error=${p.error}
    ></pb-appointments-step>`,
  );
}

const qa = (el: PbAppointmentsStep, sel: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(sel),
];
const q = (el: PbAppointmentsStep, part: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`);
const cards = (el: PbAppointmentsStep) => qa(el, '[part~="list"] [part~="appointment"]');
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<pb-appointments-step>', () => {
  it('shows skeletons while loading', async () => {
    const el = await render();
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Meine Termine');
    expect(q(el, 'list')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.skeleton')).not.to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Wird geladen …');
    expect(cards(el)).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows counts, the next appointment and the list in the clinic zone', async () => {
    const el = await render({ overview, appointments: list });
    expect(text(q(el, 'counts'))).to.equal('2 anstehende Termine · 24 vergangene');
    const next = q(el, 'next')!;
    expect(text(next.querySelector('h3'))).to.equal('Ihr nächster Termin');
    expect(text(next.querySelector('[part~="appointment"]'))).to.contain('Vorsorgeuntersuchung');

    const [first, second, third] = cards(el);
    expect(text(first)).to.equal(
      'Vorsorgeuntersuchung So., 23. Nov. 2036 09:30 – 10:00 Praxis Mitte Bestätigt',
    );
    expect(text(second)).to.contain('Di., 25. Nov. 2036').and.contain('00:15 – 00:45');
    expect(text(second)).to.contain('Videosprechstunde Befund').and.contain('Videosprechstunde');
    expect(text(second)).not.to.contain('Praxis Mitte');
    expect(text(third.querySelector('[part~="status"]'))).to.equal('Abgesagt');
    expect(third.classList.contains('cancelled')).to.equal(true);
    expect(q(el, 'list')!.getAttribute('aria-label')).to.equal('Anstehend');
    expect(q(el, 'more')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('pluralizes the counts', async () => {
    const el = await render({ overview: { upcomingCount: 1, pastCount: 1, next: null } });
    expect(text(q(el, 'counts'))).to.equal('1 anstehender Termin · 1 vergangener');
    expect(q(el, 'next')).to.equal(null);
  });

  it('switches the filter with pb-filter (aria-pressed)', async () => {
    const el = await render({ appointments: list });
    const [upcoming, past] = qa(el, '[part~="filter"] button');
    expect(q(el, 'filter')!.getAttribute('role')).to.equal('group');
    expect(upcoming.getAttribute('aria-pressed')).to.equal('true');
    expect(past.getAttribute('aria-pressed')).to.equal('false');
    let fired = 0;
    el.addEventListener('pb-filter', () => fired++);
    upcoming.click();
    expect(fired).to.equal(0);
    setTimeout(() => past.click());
    expect((await oneEvent(el, 'pb-filter')).detail).to.deep.equal({ filter: 'past' });
    el.filter = 'past';
    el.appointments = undefined;
    await el.updateComplete;
    expect(past.getAttribute('aria-pressed')).to.equal('true');
    expect(q(el, 'list')!.getAttribute('aria-busy')).to.equal('true');
  });

  it('opens an appointment with pb-open, also from the keyboard', async () => {
    const el = await render({ overview, appointments: list });
    setTimeout(() => cards(el)[2].click());
    const e = await oneEvent(el, 'pb-open');
    expect(e.detail).to.deep.equal({ id: 'a3' });
    expect(e.bubbles && e.composed).to.equal(true);
    setTimeout(() => q(el, 'next')!.querySelector('button')!.click());
    expect((await oneEvent(el, 'pb-open')).detail).to.deep.equal({ id: 'a1' });
    cards(el)[1].focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'pb-open')).detail).to.deep.equal({ id: 'a2' });
  });

  it('loads more with pb-more, busy while loading, then focuses the first new one', async () => {
    const el = await render({ appointments: list.slice(0, 2), hasMore: true });
    const more = q(el, 'more')!;
    expect(text(more)).to.equal('Mehr anzeigen');
    more.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'pb-more');
    el.loadingMore = true;
    await el.updateComplete;
    expect(more.getAttribute('aria-busy')).to.equal('true');
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expect(text(more)).to.equal('Wird geladen …');
    let fired = false;
    el.addEventListener('pb-more', () => (fired = true));
    more.click();
    expect(fired).to.equal(false);
    el.loadingMore = false;
    el.hasMore = false;
    el.appointments = list;
    await el.updateComplete;
    expect(q(el, 'more')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);
  });

  it('shows an empty state per filter', async () => {
    const el = await render({ appointments: [] });
    expect(text(q(el, 'empty'))).to.contain('Sie haben keine anstehenden Termine.');
    setTimeout(() => q(el, 'empty')!.querySelector('button')!.click());
    expect((await oneEvent(el, 'pb-show')).detail).to.deep.equal({ view: 'booking' });
    await expect(el).shadowDom.to.be.accessible();
    el.filter = 'past';
    await el.updateComplete;
    expect(text(q(el, 'empty'))).to.equal('Sie haben keine vergangenen Termine.');
    expect(q(el, 'empty')!.querySelector('button')).to.equal(null);
  });

  it('with only the next appointment ahead: shows it once, with no "none upcoming" below', async () => {
    const el = await render({ overview: { ...overview, upcomingCount: 1 }, appointments: [] });
    expect(qa(el, '[part~="appointment"]')).to.have.length(1);
    expect(q(el, 'empty')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain(de.account.emptyUpcoming);
    const past = await render({ overview, appointments: [], filter: 'past' });
    expect(text(q(past, 'empty'))).to.contain(de.account.emptyPast);
  });

  it('labels a cancelled appointment as cancelled', async () => {
    const el = await render({ overview, appointments: list });
    const card = cards(el).find((c) => c.dataset.id === 'a3')!;
    expect(text(card.querySelector('[part~="status"]'))).to.equal(de.account.statuses.cancelled);
  });

  it('shows an error with Retry instead of skeletons', async () => {
    const el = await render({ error: de.errors.network });
    const alert = q(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('Keine Verbindung');
    expect(el.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
    const retry = q(el, 'retry')!;
    retry.focus();
    setTimeout(() => retry.click());
    await oneEvent(el, 'pb-retry');
    el.error = undefined;
    await el.updateComplete;
    // the focused Retry button is gone: focus goes to the heading, not the page
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('h2'));
  });

  it('keeps the list when loading more failed', async () => {
    const el = await render({ appointments: list, hasMore: true, error: de.errors.timeout });
    expect(cards(el)).to.have.length(3);
    expect(q(el, 'error')).not.to.equal(null);
  });

  it('labels an ended appointment as past, not as confirmed', async () => {
    const ended = appt('p1', '2020-03-02T08:00:00Z');
    const el = await render({ appointments: [ended, ...list], filter: 'past' });
    expect(text(cards(el)[0]))
      .to.contain('Vergangen')
      .and.not.contain('Bestätigt');
    expect(text(cards(el)[1])).to.contain('Bestätigt');
  });

  it('speaks English', async () => {
    const el = await render({ t: en, overview, appointments: list, filter: 'past', hasMore: true });
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('My appointments');
    expect(text(q(el, 'counts'))).to.equal('2 upcoming appointments · 24 past');
    expect(qa(el, '[part~="filter"] button').map(text)).to.deep.equal(['Upcoming', 'Past']);
    expect(text(cards(el)[0]))
      .to.contain('Sun, 23 Nov 2036')
      .and.contain('Confirmed');
    expect(text(cards(el)[1])).to.contain('Video consultation');
    expect(text(cards(el)[2])).to.contain('Cancelled');
    expect(text(q(el, 'more'))).to.equal('Show more');
    el.appointments = [];
    el.hasMore = false;
    await el.updateComplete;
    expect(text(q(el, 'empty'))).to.equal('You have no past appointments.');
    await expect(el).shadowDom.to.be.accessible();
  });
});
