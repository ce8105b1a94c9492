import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Availability, Location } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { tr } from '../../src/i18n/tr.js';
import type { PbTimeStep } from '../../src/views/steps/time-step.js';
import '../../src/views/steps/time-step.js';
import { DARK_THEME } from './layout-checks.js';

const BERLIN = 'Europe/Berlin';

function slot(id: string, iso: string, locationId?: string): Availability {
  const startsAt = new Date(iso);
  return { id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), locationId };
}

/** `count` times `stepMinutes` apart on 2026-11-23 from 07:00 in Berlin (winter: UTC+1). */
function day(count: number, stepMinutes: number, locationId?: string): Availability[] {
  const start = Date.UTC(2026, 10, 23, 6, 0);
  return Array.from({ length: count }, (_, i) =>
    slot(`d${i}`, new Date(start + i * stepMinutes * 60_000).toISOString(), locationId),
  );
}

// Today is Friday 2026-11-20; the window is Monday 23 November to Sunday 6 December.
const small = [
  slot('late', '2026-11-24T15:00:00Z'),
  slot('s1', '2026-11-23T08:30:00Z'),
  slot('s2', '2026-11-22T23:30:00Z'), // 00:30 on the 23rd in Berlin
  slot('s3', '2026-11-25T09:00:00Z'),
];

const part = (el: PbTimeStep, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const selectedDay = (el: PbTimeStep) =>
  part(el, 'day').find((b) => b.getAttribute('aria-selected') === 'true')?.dataset.day;
const shownDays = (el: PbTimeStep) => part(el, 'day').map((d) => d.dataset.day);
const clocks = (el: PbTimeStep) => part(el, 'time').map((b) => b.textContent!.trim());
const button = (el: PbTimeStep, name: string) => part(el, name)[0] as HTMLButtonElement;

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

/** Sets properties as the root does after a pb-range, and waits for the update. */
async function load(el: PbTimeStep, from: string, to: string, list: Availability[] | undefined) {
  el.windowFrom = from;
  el.windowTo = to;
  el.availabilities = list;
  await el.updateComplete;
}

describe('<pb-time-step>: the week strip', () => {
  it('shows skeletons while loading', async () => {
    const el = await render({ availabilities: undefined });
    expect(part(el, 'days')[0].getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'time')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows Monday to Sunday, closed days visible but disabled and out of the tab order', async () => {
    const el = await render();
    expect(shownDays(el)).to.deep.equal([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(part(el, 'range')[0].textContent).to.equal('23.–29. Nov. 2026');
    const [mon, , , thu, , sat] = part(el, 'day');
    expect(mon.textContent).to.contain('Mo.').and.contain('23').and.contain('2 Termine');
    expect(mon.getAttribute('aria-disabled')).to.equal('false');
    expect(mon.tabIndex).to.equal(0);
    for (const closed of [thu, sat]) {
      expect(closed.getAttribute('aria-disabled')).to.equal('true');
      expect(closed.tabIndex).to.equal(-1);
      expect(closed.textContent).to.contain(de.time.noTimes);
    }
    expect(selectedDay(el)).to.equal('2026-11-23');
    expect(clocks(el)).to.deep.equal(['00:30', '09:30']);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('Montag, 23. November');
    sat.click();
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-23');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('opens on the week of the first free day, and greys out days before today', async () => {
    const el = await render({
      today: '2026-11-25',
      windowFrom: '2026-11-25',
      windowTo: '2026-12-08',
      availabilities: [slot('x', '2026-12-02T09:00:00Z')],
    });
    expect(shownDays(el)[0]).to.equal('2026-11-30');
    expect(selectedDay(el)).to.equal('2026-12-02');
    button(el, 'previous-week').click();
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-23');
    expect(part(el, 'day').every((d) => d.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(part(el, 'week-empty')[0].textContent).to.contain(de.time.weekEmpty);
    expect(button(el, 'previous-week').getAttribute('aria-disabled')).to.equal('true');
  });

  it('switches days and fires pb-select with the availability id', async () => {
    const el = await render();
    part(el, 'day')[1].click();
    await el.updateComplete;
    expect(clocks(el)).to.deep.equal(['16:00']);
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
    expect(selectedDay(el)).to.equal('2026-11-25');
    el.availabilities = small.filter((a) => a.id !== 's3');
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-23');
  });

  it('opens on the day of the selected time and marks it', async () => {
    const el = await render({ selectedId: 's3' });
    expect(selectedDay(el)).to.equal('2026-11-25');
    const chosen = part(el, 'time').find((b) => b.getAttribute('aria-pressed') === 'true');
    expect(chosen!.textContent!.trim()).to.equal('10:00');
  });

  it('pages by week, asking for a window only when the week is not loaded, never before today', async () => {
    const el = await render();
    let asked: string[] = [];
    el.addEventListener('pb-range', (e) => asked.push(e.detail.from));
    button(el, 'next-week').click();
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-30');
    expect(asked).to.deep.equal([]); // in the loaded window
    setTimeout(() => button(el, 'next-week').click());
    // Weeks load in pairs from today's week (16 Nov): 30 Nov and 7 Dec are the second pair.
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2026-11-30' });
    expect(part(el, 'days')[0].getAttribute('aria-busy')).to.equal('true');
    await load(el, '2026-11-30', '2026-12-13', [slot('d', '2026-12-08T09:00:00Z')]);
    expect(shownDays(el)[0]).to.equal('2026-12-07');
    expect(selectedDay(el)).to.equal('2026-12-08');
    asked = [];
    button(el, 'previous-week').click();
    button(el, 'previous-week').click();
    button(el, 'previous-week').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-16');
    expect(asked).to.deep.equal(['2026-11-20']); // today, not the Monday before it
    expect(button(el, 'previous-week').getAttribute('aria-disabled')).to.equal('true');
    button(el, 'previous-week').click();
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-16');
  });

  it('moves between days with the arrow keys, skipping closed days; Page Down turns the week', async () => {
    const el = await render();
    part(el, 'day')[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-24');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-25');
    await sendKeys({ press: 'ArrowRight' }); // Thursday to Sunday have no times: back to Monday
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-23');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-25');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'day')[2]);
    expect(part(el, 'day').filter((d) => d.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-23');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-30');
  });

  it('turns the week with a horizontal swipe, not with a vertical one', async () => {
    const el = await render();
    const days = part(el, 'days')[0];
    const swipe = (dx: number, dy: number) => {
      days.dispatchEvent(
        new PointerEvent('pointerdown', { clientX: 200, clientY: 100, bubbles: true }),
      );
      days.dispatchEvent(
        new PointerEvent('pointerup', { clientX: 200 + dx, clientY: 100 + dy, bubbles: true }),
      );
    };
    swipe(-30, 80);
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-23');
    swipe(-120, 10);
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-30');
    swipe(120, -10);
    await el.updateComplete;
    expect(shownDays(el)[0]).to.equal('2026-11-23');
  });

  it('jumps to a date from the date field, loading its week', async () => {
    const el = await render();
    button(el, 'choose-date').click();
    await el.updateComplete;
    expect(button(el, 'choose-date').getAttribute('aria-expanded')).to.equal('true');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect([input.min, input.max]).to.deep.equal(['2026-11-20', '2027-05-25']);
    await expect(el).shadowDom.to.be.accessible();
    input.value = '2027-01-13';
    setTimeout(() => part(el, 'date-form')[0].querySelector('button')!.click());
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2027-01-11' });
    expect(shownDays(el)[0]).to.equal('2027-01-11');
    expect(part(el, 'date-form')).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'choose-date'));
    await load(el, '2027-01-11', '2027-01-24', [
      slot('a', '2027-01-12T09:00:00Z'),
      slot('b', '2027-01-13T09:00:00Z'),
    ]);
    expect(selectedDay(el)).to.equal('2027-01-13');
  });

  it('refuses a date before today or beyond the search horizon, and says which dates work', async () => {
    const el = await render({ t: en, locale: 'en' });
    button(el, 'choose-date').click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="date"]')!;
    input.value = '2026-11-01';
    part(el, 'date-form')[0].querySelector('button')!.click();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById('date-error')!.textContent).to.contain(
      'Please choose a date from Fri, 20 Nov 2026 to Tue, 25 May 2027.',
    );
    expect(shownDays(el)[0]).to.equal('2026-11-23');
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('<pb-time-step>: first free time', () => {
  it('jumps within the loaded window and says where', async () => {
    const el = await render({ today: '2026-11-23' });
    button(el, 'next-week').click();
    await el.updateComplete;
    button(el, 'first-free').click();
    await el.updateComplete;
    expect(selectedDay(el)).to.equal('2026-11-23');
    expect(el.shadowRoot!.querySelector('.jumps ~ [role="status"]')!.textContent).to.equal(
      'Erster freier Termin: Montag, 23. November.',
    );
  });

  it('loads from today, follows the search past an empty window, then shows that day', async () => {
    const el = await render({
      t: en,
      locale: 'en',
      windowFrom: '2026-12-07',
      windowTo: '2026-12-20',
      availabilities: [slot('x', '2026-12-08T09:00:00Z')],
    });
    setTimeout(() => button(el, 'first-free').click());
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2026-11-20' });
    expect(button(el, 'first-free').getAttribute('aria-busy')).to.equal('true');
    await load(el, '2026-11-20', '2026-12-03', []);
    el.searching = true;
    await el.updateComplete;
    setTimeout(() => {
      el.searching = false;
      el.firstAvailable = { date: '2027-01-12' };
    });
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2027-01-11' });
    el.firstAvailable = undefined;
    await load(el, '2027-01-11', '2027-01-24', [slot('y', '2027-01-12T10:00:00Z')]);
    expect(shownDays(el)[0]).to.equal('2027-01-11');
    expect(selectedDay(el)).to.equal('2027-01-12');
    expect(button(el, 'first-free').getAttribute('aria-busy')).to.equal('false');
    // Engines' date data differ on the comma after the weekday.
    expect(el.shadowRoot!.querySelector('.jumps ~ [role="status"]')!.textContent)
      .to.contain('First free time: Tuesday')
      .and.contain('12 January.');
  });

  it('offers the search in an empty window and jumps to what it found', async () => {
    const el = await render({ availabilities: [] });
    const empty = part(el, 'empty')[0];
    expect(empty.textContent).to.contain(
      'Keine freien Termine vom Mo., 23. Nov. 2026 bis So., 6. Dez. 2026.',
    );
    const find = empty.querySelector('button')!;
    expect(find.textContent!.trim()).to.equal(de.time.findFirst);
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => find.click());
    await oneEvent(el, 'pb-find-first');
    el.searching = true;
    await el.updateComplete;
    expect(find.getAttribute('aria-disabled')).to.equal('true');

    el.searching = false;
    el.firstAvailable = { date: '2027-01-12' };
    await el.updateComplete;
    const jump = part(el, 'empty')[0].querySelector('button')!;
    expect(jump.textContent).to.contain('Nächster freier Termin').and.contain('12. Jan. 2027');
    setTimeout(() => jump.click());
    expect((await oneEvent(el, 'pb-range')).detail).to.deep.equal({ from: '2027-01-11' });
    el.firstAvailable = null;
    await load(el, '2026-11-20', '2026-12-03', []);
    expect(part(el, 'empty')[0].textContent).to.contain(de.time.noneAvailable);
  });
});

describe('<pb-time-step>: times of a day', () => {
  it('groups a day under morning, afternoon and evening, each folded after eight', async () => {
    const el = await render({ availabilities: day(60, 15) }); // 07:00 … 21:45
    const periods = part(el, 'period');
    expect(
      periods.map((p) => p.querySelector('h4')!.textContent!.replace(/\s+/g, ' ').trim()),
    ).to.deep.equal(['Vormittag (20)', 'Nachmittag (20)', 'Abend (20)']);
    expect(periods.map((p) => p.querySelectorAll('[part~="time"]').length)).to.deep.equal([
      8, 8, 8,
    ]);
    const more = periods[1].querySelector<HTMLButtonElement>('[part~="more-times"]')!;
    expect(more.textContent!.trim()).to.equal('Weitere Zeiten (12)');
    await expect(el).shadowDom.to.be.accessible();
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const afternoon = part(el, 'period')[1];
    expect(afternoon.querySelectorAll('[part~="time"]')).to.have.length(20);
    expect(afternoon.querySelector('[part~="more-times"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('14:00'); // the 9th
  });

  it('unfolds the part holding the chosen time', async () => {
    const el = await render({ availabilities: day(20, 10), selectedId: 'd15' });
    expect(part(el, 'period')[0].querySelectorAll('[part~="time"]')).to.have.length(20);
  });

  it('keeps a 265-time day within two 375 × 667 screens, location choice included', async () => {
    const locations = [
      { id: 'L1', name: 'Praxis am Stadtpark – Schöneberg' },
      { id: 'L2', name: 'Praxis am Stadtpark – Mitte' },
      { id: 'L3', name: 'Impfzentrum Prenzlauer Berg' },
    ];
    const dense = [
      ...day(265, 3, 'L1'), // 07:00 … 20:12
      slot('m', '2026-11-24T09:00:00Z', 'L2'),
      slot('p', '2026-11-24T09:00:00Z', 'L3'),
    ];
    for (const t of [de, en, tr]) {
      const el = await render({ t, locale: t === de ? 'de' : t === en ? 'en' : 'tr', locations });
      el.availabilities = dense;
      el.style.width = '343px'; // 375 px less the widget's padding
      el.visitorTimeZone = 'America/New_York'; // the zone note too
      await el.updateComplete;
      expect(part(el, 'locations')).to.have.length(1);
      expect(part(el, 'time').length).to.be.at.most(24);
      expect(el.getBoundingClientRect().height).to.be.at.most(2 * 667);
      await expect(el).shadowDom.to.be.accessible();
    }
  });

  it('names the clinic zone only when the visitor is in another zone', async () => {
    const el = await render({ visitorTimeZone: 'America/New_York' });
    expect(part(el, 'zone-note')[0].textContent).to.contain('Europe/Berlin (MEZ)');
    const enEl = await render({ t: en, locale: 'en', visitorTimeZone: 'Asia/Tokyo' });
    expect(part(enEl, 'zone-note')[0].textContent).to.contain('Europe/Berlin (CET)');
    expect(part(enEl, 'day')[0].textContent).to.contain('Mon').and.contain('2 times');
    await expect(enEl).shadowDom.to.be.accessible();
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
});

describe('<pb-time-step>: locations', () => {
  const locations = [
    { id: 'L1', name: 'Praxis Mitte' },
    { id: 'L2', name: 'Praxis Nord' },
  ];

  it('asks for the location first, starting at the earliest time’s, and shows only its times', async () => {
    const data = [
      slot('n', '2026-11-23T09:00:00Z', 'L2'),
      slot('m', '2026-11-23T08:00:00Z', 'L1'),
      slot('n2', '2026-11-24T09:00:00Z', 'L2'),
    ];
    const el = await render({ availabilities: data, locations });
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.checked)).to.deep.equal([true, false]);
    expect(part(el, 'locations')[0].compareDocumentPosition(part(el, 'days')[0])).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(clocks(el)).to.deep.equal(['09:00']);
    expect(part(el, 'day')[1].getAttribute('aria-disabled')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
    radios[1].click();
    await el.updateComplete;
    expect(clocks(el)).to.deep.equal(['10:00']);
    expect(part(el, 'day')[1].getAttribute('aria-disabled')).to.equal('false');
  });

  it('starts at the chosen time’s location', async () => {
    const data = [slot('m', '2026-11-23T08:00:00Z', 'L1'), slot('n', '2026-11-24T09:00:00Z', 'L2')];
    const el = await render({ availabilities: data, locations, selectedId: 'n' });
    expect(selectedDay(el)).to.equal('2026-11-24');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="L2"]')!.checked).to.equal(
      true,
    );
  });

  it('asks nothing when the times use only one of several locations', async () => {
    const el = await render({
      availabilities: [slot('m', '2026-11-23T08:00:00Z', 'L1')],
      locations,
    });
    expect(part(el, 'locations')).to.have.length(0);
    expect(clocks(el)).to.deep.equal(['09:00']);
  });
});

describe('<pb-time-step>: keyboard, languages and themes', () => {
  it('books by keyboard: Tab into the strip, arrows to a day, Tab to its first time', async () => {
    const el = await render();
    button(el, 'next-week').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'day')[0]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    let picked = '';
    el.addEventListener('pb-select', (e) => (picked = e.detail.id));
    await sendKeys({ press: 'Tab' }); // first free time
    await sendKeys({ press: 'Tab' }); // choose a date
    await sendKeys({ press: 'Tab' }); // the day's first time
    await sendKeys({ press: 'Enter' });
    expect(picked).to.equal('late');
  });

  for (const [t, locale] of [
    [de, 'de'],
    [en, 'en'],
    [tr, 'tr'],
  ] as const) {
    it(`is accessible in ${locale}, light and dark, with the date field open`, async () => {
      const el = await render({ t, locale, availabilities: day(40, 15) });
      button(el, 'choose-date').click();
      await el.updateComplete;
      await expect(el).shadowDom.to.be.accessible();
      el.setAttribute('style', DARK_THEME);
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('focuses its heading', async () => {
    const el = await render();
    el.focusHeading();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'heading')[0]);
  });
});
