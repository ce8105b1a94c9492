import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Availability, Location } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbTimeStep } from '../../src/views/steps/time-step.js';
import '../../src/views/steps/time-step.js';

const BERLIN = 'Europe/Berlin';

function slot(id: string, iso: string, locationId?: string): Availability {
  const startsAt = new Date(iso);
  return { id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), locationId };
}

/** `perDay` times on each of `days` days from 2026-11-23 (Berlin, winter: UTC+1), 07:00 UTC on. */
function many(days: number, perDay: number): Availability[] {
  const out: Availability[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const start = Date.UTC(2026, 10, 23 + d, 7, 0) + i * 5 * 60_000;
      out.push(slot(`a${d}-${i}+/=`, new Date(start).toISOString()));
    }
  }
  return out;
}

const small = [
  slot('late', '2026-11-24T15:00:00Z'),
  slot('s1', '2026-11-23T08:30:00Z'),
  slot('s2', '2026-11-22T23:30:00Z'), // 00:30 on the 23rd in Berlin
  slot('s3', '2026-11-25T09:00:00Z'),
];

const part = (el: PbTimeStep, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const pressed = (el: PbTimeStep, name: string) =>
  part(el, name).find((b) => b.getAttribute('aria-pressed') === 'true');

function render(props: Partial<PbTimeStep> = {}) {
  const p = {
    t: de,
    locale: 'de' as const,
    windowFrom: '2026-11-23',
    windowTo: '2026-12-06',
    today: '2026-11-20',
    availabilities: small as Availability[] | undefined,
    locations: [] as Location[],
    firstAvailable: undefined as { date: string } | null | undefined,
    searching: false,
    visitorTimeZone: BERLIN,
    ...props,
  };
  return fixture<PbTimeStep>(
    html`<pb-time-step
      .t=${p.t}
      .locale=${p.locale}
      time-zone=${BERLIN}
      .visitorTimeZone=${p.visitorTimeZone}
      window-from=${p.windowFrom}
      window-to=${p.windowTo}
      today=${p.today}
      .availabilities=${p.availabilities}
      .locations=${p.locations}
      .firstAvailable=${p.firstAvailable}
      .searching=${p.searching}
      .selectedId=${p.selectedId}
      .selectedDay=${p.selectedDay}
      .error=${p.error}
    ></pb-time-step>`,
  );
}

describe('<pb-time-step>', () => {
  it('shows skeletons while loading', async () => {
    const el = await render({ availabilities: undefined });
    expect(part(el, 'days')[0].getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'time')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('groups by the clinic-zone day and shows the first day with times', async () => {
    const el = await render();
    const days = part(el, 'day');
    expect(days.map((d) => d.dataset.day)).to.deep.equal([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
    expect(days[0].textContent).to.contain('Mo.').and.contain('23').and.contain('2 Termine');
    expect(pressed(el, 'day')).to.equal(days[0]);
    expect(part(el, 'time').map((b) => b.textContent!.trim())).to.deep.equal(['00:30', '09:30']);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('Montag, 23. November');
    expect(part(el, 'zone-note')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('switches days and fires pb-select with the availability id', async () => {
    const el = await render();
    part(el, 'day')[1].click();
    await el.updateComplete;
    expect(part(el, 'time').map((b) => b.textContent!.trim())).to.deep.equal(['16:00']);
    setTimeout(() => part(el, 'time')[0].click());
    const e = await oneEvent(el, 'pb-select');
    expect(e.detail).to.deep.equal({ id: 'late' });
  });

  it('keeps the picked day when data refreshes, falls back when it is gone', async () => {
    const el = await render();
    part(el, 'day')[2].click();
    await el.updateComplete;
    el.availabilities = [...small];
    await el.updateComplete;
    expect(pressed(el, 'day')!.dataset.day).to.equal('2026-11-25');
    el.availabilities = small.filter((a) => a.id !== 's3');
    await el.updateComplete;
    expect(pressed(el, 'day')!.dataset.day).to.equal('2026-11-23');
  });

  it('opens on the day of the selected time and marks it', async () => {
    const el = await render({ selectedId: 's3' });
    expect(pressed(el, 'day')!.dataset.day).to.equal('2026-11-25');
    expect(pressed(el, 'time')!.textContent!.trim()).to.equal('10:00');
  });

  // Its speed is measured in the benchmark (bench/RESULTS.md), not here.
  it('renders only one day of 2,000 availabilities', async () => {
    const data = many(20, 100);
    expect(data).to.have.length(2000);
    const el = await render({ availabilities: data, windowTo: '2026-12-12' });
    expect(part(el, 'day')).to.have.length(20);
    expect(part(el, 'time')).to.have.length(100);
    part(el, 'day')[5].click();
    await el.updateComplete;
    expect(part(el, 'day')[5].getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'time')).to.have.length(100);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('names the clinic zone only when the visitor is in another zone', async () => {
    const el = await render({ visitorTimeZone: 'America/New_York' });
    expect(part(el, 'zone-note')[0].textContent).to.contain('Europe/Berlin (MEZ)');
    const enEl = await render({ t: en, locale: 'en', visitorTimeZone: 'Asia/Tokyo' });
    expect(part(enEl, 'zone-note')[0].textContent).to.contain('Europe/Berlin (CET)');
    expect(part(enEl, 'day')[0].textContent).to.contain('Mon').and.contain('2 times');
    await expect(enEl).shadowDom.to.be.accessible();
  });

  it('asks for later and earlier windows, never before today', async () => {
    const el = await render({
      windowFrom: '2026-11-23',
      windowTo: '2026-12-06',
      today: '2026-11-20',
    });
    const [earlier, later] = part(el, 'nav')[0].querySelectorAll('button');
    setTimeout(() => later.click());
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2026-12-07' });
    setTimeout(() => earlier.click());
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2026-11-20' });

    const first = await render({
      windowFrom: '2026-11-20',
      windowTo: '2026-12-03',
      today: '2026-11-20',
    });
    const prev = part(first, 'nav')[0].querySelector('button')!;
    expect(prev.getAttribute('aria-disabled')).to.equal('true');
    let fired = false;
    first.addEventListener('pb-range', () => (fired = true));
    prev.click();
    expect(fired).to.equal(false);
  });

  it('offers to find the first free time in an empty window', async () => {
    const el = await render({ availabilities: [] });
    const empty = part(el, 'empty')[0];
    expect(empty.textContent).to.contain(
      'Keine freien Termine vom Mo., 23. Nov. 2026 bis So., 6. Dez. 2026.',
    );
    const button = empty.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal(de.time.findFirst);
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => button.click());
    await oneEvent(el, 'pb-find-first');

    el.searching = true;
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      de.time.searching,
    );
    let fired = false;
    el.addEventListener('pb-find-first', () => (fired = true));
    button.click();
    expect(fired).to.equal(false);
  });

  it('jumps to the first free time when found, says so when there is none', async () => {
    const el = await render({
      t: en,
      locale: 'en',
      availabilities: [],
      firstAvailable: { date: '2027-01-12' },
    });
    const button = part(el, 'empty')[0].querySelector('button')!;
    expect(button.textContent).to.contain('Next free time').and.contain('12 Jan 2027');
    setTimeout(() => button.click());
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2027-01-12' });
    await expect(el).shadowDom.to.be.accessible();

    el.firstAvailable = null;
    await el.updateComplete;
    expect(part(el, 'empty')[0].textContent).to.contain(en.time.noneAvailable);
    expect(part(el, 'empty')[0].querySelector('button')).to.equal(null);
  });

  it('shows an error with Retry', async () => {
    const el = await render({ error: de.errors.timeout });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(
      de.errors.timeout,
    );
    expect(part(el, 'day')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click());
    await oneEvent(el, 'pb-retry');
  });

  it('labels and filters times by location when the type has several', async () => {
    const locations = [
      { id: 'L1', name: 'Praxis Mitte' },
      { id: 'L2', name: 'Praxis Nord' },
    ];
    const data = [
      slot('m', '2026-11-23T08:00:00Z', 'L1'),
      slot('n', '2026-11-23T09:00:00Z', 'L2'),
      slot('n2', '2026-11-24T09:00:00Z', 'L2'),
    ];
    const el = await render({ availabilities: data, locations });
    expect(part(el, 'time').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '09:00 Praxis Mitte',
      '10:00 Praxis Nord',
    ]);
    await expect(el).shadowDom.to.be.accessible();
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'L2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(part(el, 'day')).to.have.length(2);
    expect(part(el, 'time').map((b) => b.textContent!.trim().slice(0, 5))).to.deep.equal(['10:00']);
  });

  it('shows no location filter when the times use only one of several locations', async () => {
    const locations = [
      { id: 'L1', name: 'Praxis Mitte' },
      { id: 'L2', name: 'Praxis Nord' },
    ];
    const el = await render({
      availabilities: [slot('m', '2026-11-23T08:00:00Z', 'L1')],
      locations,
    });
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    expect(part(el, 'time')[0].textContent!.trim()).to.equal('09:00');
  });

  it('picks days by keyboard', async () => {
    const el = await render();
    part(el, 'day')[1].focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(pressed(el, 'day')!.dataset.day).to.equal('2026-11-24');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: ' ' }); // the space bar by its key value, which every driver takes
    await el.updateComplete;
    expect(pressed(el, 'day')!.dataset.day).to.equal('2026-11-23');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'day')[0]);
  });

  it('focuses its heading', async () => {
    const el = await render();
    el.focusHeading();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'heading')[0]);
  });
});
