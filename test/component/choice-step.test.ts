import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { ChoiceOption, PbChoiceStep } from '../../src/views/steps/choice-step.js';
import '../../src/views/steps/choice-step.js';

const options: ChoiceOption[] = [
  { id: '1', label: 'AOK', group: 'Gesetzlich versichert' },
  { id: '2', label: 'Allianz', group: 'Privat versichert' },
  { id: '3', label: 'TK', group: 'Gesetzlich versichert' },
  { id: '4', label: 'Selbst', group: 'Selbstzahler', description: 'Rechnung' },
];

const buttons = (el: PbChoiceStep) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="option"]'),
];

describe('<pb-choice-step>', () => {
  it('shows skeleton rows while loading', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step .t=${de} heading="Wie sind Sie versichert?"></pb-choice-step>`,
    );
    const list = el.shadowRoot!.querySelector('[part~="list"]')!;
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      de.common.loading,
    );
    expect(buttons(el)).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('groups options under headings in order of first appearance', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step .t=${de} heading="Versicherung" .options=${options}></pb-choice-step>`,
    );
    const groups = [...el.shadowRoot!.querySelectorAll('[part~="group-heading"]')].map((h) =>
      h.textContent!.trim(),
    );
    expect(groups).to.deep.equal(['Gesetzlich versichert', 'Privat versichert', 'Selbstzahler']);
    expect(buttons(el).map((b) => b.querySelector('.label')!.textContent)).to.deep.equal([
      'AOK',
      'TK',
      'Allianz',
      'Selbst',
    ]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('renders description and meta, marks the selected option, no groups without group', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step
        .t=${en}
        heading="Which appointment do you need?"
        selected-id="b"
        .options=${[
          { id: 'a', label: 'Check-up', meta: [en.common.durationMinutes(30), en.common.video] },
          { id: 'b', label: 'Vaccination', description: 'Flu and COVID' },
        ]}
      ></pb-choice-step>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="group-heading"]')).to.equal(null);
    const [a, b] = buttons(el);
    expect(a.textContent).to.contain('30 min').and.contain('Video consultation');
    expect(a.getAttribute('aria-pressed')).to.equal('false');
    expect(b.getAttribute('aria-pressed')).to.equal('true');
    expect(b.textContent).to.contain('Flu and COVID');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('fires pb-select with the id on click', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step .t=${de} heading="x" .options=${options}></pb-choice-step>`,
    );
    setTimeout(() => buttons(el)[2].click());
    const e = await oneEvent(el, 'pb-select');
    expect(e.detail).to.deep.equal({ id: '2' });
    expect(e.bubbles).to.equal(true);
    expect(e.composed).to.equal(true);
  });

  it('is operable by keyboard (Tab, Enter, Space)', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step .t=${de} heading="x" .options=${options}></pb-choice-step>`,
    );
    el.focusHeading();
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('heading');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
    let events = oneEvent(el, 'pb-select');
    await sendKeys({ press: 'Enter' });
    expect((await events).detail.id).to.equal('1');
    await sendKeys({ press: 'Tab' });
    events = oneEvent(el, 'pb-select');
    await sendKeys({ press: ' ' }); // the space bar by its key value, which every driver takes
    expect((await events).detail.id).to.equal('3');
  });

  it('shows the empty text', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step
        .t=${de}
        heading="Worum geht es?"
        .options=${[]}
        empty-text=${de.category.empty}
      ></pb-choice-step>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.equal(
      de.category.empty,
    );
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows an error with Retry that fires pb-retry', async () => {
    const el = await fixture<PbChoiceStep>(
      html`<pb-choice-step
        .t=${en}
        heading="How are you insured?"
        .options=${options}
        error=${en.errors.network}
      ></pb-choice-step>`,
    );
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain(en.errors.network);
    expect(buttons(el)).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => alert.querySelector('button')!.click());
    await oneEvent(el, 'pb-retry');
  });

  describe('with radio groups above the list (the first screen)', () => {
    const insurance = {
      name: 'insurance' as const,
      legend: de.insurance.heading,
      options: [
        { id: 'i1', label: 'AOK Nordost' },
        { id: 'i2', label: 'Techniker Krankenkasse' },
      ],
    };
    const radios = (el: PbChoiceStep) => [
      ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
    ];

    it('asks first, with a hint where the list will be', async () => {
      const el = await fixture<PbChoiceStep>(
        html`<pb-choice-step
          .t=${de}
          heading=${de.insurance.need}
          hint=${de.insurance.hint}
          .filters=${[insurance]}
          .options=${null}
        ></pb-choice-step>`,
      );
      const fieldset = el.shadowRoot!.querySelector('fieldset')!;
      expect(fieldset.querySelector('legend')!.textContent).to.equal(de.insurance.heading);
      expect(radios(el).map((r) => r.labels![0]!.textContent)).to.deep.equal([
        'AOK Nordost',
        'Techniker Krankenkasse',
      ]);
      expect(radios(el).some((r) => r.checked)).to.equal(false);
      expect(el.shadowRoot!.textContent).to.contain(de.insurance.hint);
      expect(buttons(el)).to.have.length(0);
      await expect(el).shadowDom.to.be.accessible();
    });

    it('fires pb-narrow with arrow keys, without leaving the screen; the list below stays', async () => {
      const el = await fixture<PbChoiceStep>(
        html`<pb-choice-step
          .t=${de}
          heading=${de.insurance.need}
          .filters=${[{ ...insurance, selectedId: 'i1' }]}
          .options=${options}
        ></pb-choice-step>`,
      );
      expect(radios(el)[0]!.checked).to.equal(true);
      radios(el)[0]!.focus();
      const e = oneEvent(el, 'pb-narrow');
      await sendKeys({ press: 'ArrowDown' });
      expect((await e).detail).to.deep.equal({ name: 'insurance', id: 'i2' });
      expect(buttons(el)).to.have.length(4);
      await expect(el).shadowDom.to.be.accessible();
    });
  });
});
