import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FieldError, PatientData, PatientField } from '../../src/api/types.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbDetailsStep } from '../../src/views/steps/details-step.js';
import '../../src/views/steps/details-step.js';

const filled: PatientData = {
  first_name: 'Erika',
  last_name: 'Mustermann',
  email: 'erika@example.de',
};

function render(
  props: {
    t?: typeof de;
    fields?: PatientField[];
    value?: PatientData;
    errors?: FieldError[];
    asapAvailable?: boolean;
    asapOptIn?: boolean;
    insuranceName?: string;
    privacyUrl?: string;
    note?: string;
  } = {},
) {
  return fixture<PbDetailsStep>(
    html`<pb-details-step
      .t=${props.t ?? de}
      .fields=${props.fields ?? []}
      .value=${props.value ?? {}}
      .errors=${props.errors ?? []}
      .asapAvailable=${props.asapAvailable ?? false}
      .asapOptIn=${props.asapOptIn ?? false}
      .insuranceName=${props.insuranceName}
      .privacyUrl=${props.privacyUrl}
      .note=${props.note ?? ''}
    ></pb-details-step>`,
  );
}

const control = (el: PbDetailsStep, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(`[name="${name}"]`)!;
const messageOf = (el: PbDetailsStep, name: string) => {
  const ids = control(el, name).getAttribute('aria-describedby')?.split(' ') ?? [];
  const id = ids.find((i) => i.endsWith('-error'));
  return id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : undefined;
};
const summaryOf = (el: PbDetailsStep) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="error-summary"]');
const note = (el: PbDetailsStep) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-note')!;
const submit = (el: PbDetailsStep) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

function type(el: PbDetailsStep, name: string, value: string) {
  const input = control(el, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<pb-details-step>', () => {
  it('asks for names and email (required), one mobile number and a note (optional) by default', async () => {
    const el = await render();
    const names = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name]')].map(
      (i) => i.name,
    );
    expect(names).to.deep.equal(['first_name', 'last_name', 'email', 'mobile']);
    expect(control(el, 'first_name').required).to.equal(true);
    expect(control(el, 'email').required).to.equal(true);
    expect(control(el, 'email').type).to.equal('email');
    expect(control(el, 'mobile').required).to.equal(false);
    expect(control(el, 'mobile').getAttribute('autocomplete')).to.equal('mobile tel');
    expect(control(el, 'first_name').getAttribute('autocomplete')).to.equal('given-name');
    expect(el.shadowRoot!.querySelector('label[for="f-mobile"]')!.textContent).to.contain(
      '(optional)',
    );
    expect(el.shadowRoot!.querySelector('label[for="f-note"]')!.textContent).to.contain(
      '(optional)',
    );
    expect(note(el).maxLength).to.equal(500);
    expect(el.shadowRoot!.querySelector('form')!.noValidate).to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('renders the type’s required fields with the right controls, in English', async () => {
    const el = await render({
      t: en,
      fields: ['title', 'gender', 'born_on', 'phone', 'insurance', 'accepts_email'],
    });
    expect(control(el, 'title').getAttribute('autocomplete')).to.equal('honorific-prefix');
    const gender = control(el, 'gender');
    expect(gender.tagName).to.equal('SELECT');
    expect([...gender.options].map((o) => o.textContent)).to.deep.equal([
      'Please choose',
      'male',
      'female',
      'diverse',
    ]);
    const born = control(el, 'born_on');
    expect(born.type).to.equal('text');
    expect(born.inputMode).to.equal('numeric');
    expect(born.getAttribute('autocomplete')).to.equal('bday');
    expect(born.placeholder).to.equal('DD.MM.YYYY');
    expect(el.shadowRoot!.getElementById('f-born_on-hint')!.textContent).to.equal(
      en.details.bornOnHint,
    );
    // Only the landline is required: the one phone field asks for it.
    expect(control(el, 'phone').required).to.equal(true);
    expect(control(el, 'mobile')).to.equal(null);
    // The first step's insurance has no name here: asked as text.
    expect(control(el, 'insurance').type).to.equal('text');
    expect(control(el, 'accepts_email').type).to.equal('checkbox');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the values it is given', async () => {
    const el = await render({ fields: ['gender'], value: { ...filled, gender: 'd' } });
    expect(control(el, 'first_name').value).to.equal('Erika');
    expect(control(el, 'gender').value).to.equal('d');
    el.value = { ...filled, first_name: 'Max' };
    await el.updateComplete;
    expect(control(el, 'first_name').value).to.equal('Max');
  });

  it('reports every input with the whole value and the opt-in', async () => {
    const el = await render({ value: { ...filled, insurance: 'TK' }, asapAvailable: true });
    setTimeout(() => type(el, 'mobile', '0151 1234567'));
    let e = await oneEvent(el, 'pb-patient-input');
    // The type does not require the insurance: none is sent.
    expect(e.detail).to.deep.equal({
      value: { ...filled, mobile: '0151 1234567' },
      asapOptIn: false,
      note: '',
    });
    setTimeout(() => el.shadowRoot!.querySelector<HTMLInputElement>('#asap')!.click());
    e = await oneEvent(el, 'pb-patient-input');
    expect(e.detail.asapOptIn).to.equal(true);
    setTimeout(() => type(el, 'first_name', ''));
    e = await oneEvent(el, 'pb-patient-input');
    expect(e.detail.value).not.to.have.property('first_name');
  });

  it('refuses invalid data with localized messages and focuses the first invalid field', async () => {
    const el = await render({
      fields: ['born_on'],
      value: { first_name: 'Erika', email: 'erika@' },
    });
    let submitted = false;
    el.addEventListener('pb-patient-submit', () => (submitted = true));
    control(el, 'born_on').value = '01.01.2999';
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(messageOf(el, 'first_name')).to.equal(undefined);
    expect(messageOf(el, 'last_name')).to.equal(de.details.required.last_name);
    expect(messageOf(el, 'email')).to.equal(de.details.invalid.email);
    expect(messageOf(el, 'born_on')).to.equal(de.details.bornOn.future);
    expect(control(el, 'last_name').getAttribute('aria-invalid')).to.equal('true');
    // Three problems: the summary above the form, focused, one link per field.
    const summary = summaryOf(el)!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.querySelector('p')!.textContent).to.equal(de.details.summary(3));
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#f-last_name',
      '#f-born_on',
      '#f-email',
    ]);
    expect(links[0]!.textContent).to.equal(
      `${de.details.labels.last_name}: ${de.details.required.last_name}`,
    );
    links[1]!.click();
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'born_on'));
    await expect(el).shadowDom.to.be.accessible();

    type(el, 'last_name', 'Mustermann');
    await el.updateComplete;
    expect(messageOf(el, 'last_name')).to.equal(undefined);
    expect(control(el, 'last_name').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('checks phone numbers and email domains', async () => {
    const el = await render({ t: en, value: { ...filled, email: 'a@b', mobile: 'call me' } });
    submit(el);
    await el.updateComplete;
    expect(messageOf(el, 'email')).to.equal(en.details.invalid.email);
    expect(messageOf(el, 'mobile')).to.equal(en.details.invalid.phone);
    type(el, 'mobile', '+49 (30) 123-45/67');
    type(el, 'email', 'a@b.de');
    await el.updateComplete;
    expect(messageOf(el, 'mobile')).to.equal(undefined);
    expect(messageOf(el, 'email')).to.equal(undefined);
    expect(summaryOf(el)).to.equal(null);
  });

  it('trims values and treats blanks as missing', async () => {
    const el = await render({ value: { ...filled, first_name: '   ', last_name: ' Muster ' } });
    let submitted = false;
    el.addEventListener('pb-patient-submit', () => (submitted = true));
    submit(el);
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(messageOf(el, 'first_name')).to.equal(de.details.required.first_name);
    // One problem: no summary, the field takes the focus.
    expect(summaryOf(el)).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'first_name'));
    type(el, 'first_name', 'Erika');
    setTimeout(() => submit(el));
    const e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail.value).to.deep.equal({ ...filled, last_name: 'Muster' });
  });

  it('keeps what was typed (and the caret) when it re-renders before the root answers', async () => {
    const el = await render({ value: filled });
    const input = control(el, 'last_name');
    input.focus();
    input.value = 'Musterfrau';
    input.setSelectionRange(3, 3);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    el.errors = [{ field: 'patient_data.email', message: 'ist ungültig' }];
    el.requestUpdate();
    await el.updateComplete;
    expect(input.value).to.equal('Musterfrau');
    expect(input.selectionStart).to.equal(3);
  });

  it('submits valid data', async () => {
    const el = await render({ value: filled, asapAvailable: true, asapOptIn: true });
    setTimeout(() => submit(el));
    const e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail).to.deep.equal({ value: filled, asapOptIn: true, note: '' });
  });

  it('submits with Enter from a field', async () => {
    const el = await render({ value: filled });
    control(el, 'email').focus();
    const event = oneEvent(el, 'pb-patient-submit');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.value).to.deep.equal(filled);
  });

  it('shows server errors next to their fields and focuses the first', async () => {
    const el = await render({ fields: ['born_on'], value: filled });
    el.errors = [
      { field: 'patient_data.born_on', message: 'liegt in der Zukunft' },
      { field: 'patient_data.email', message: 'ist ungültig' },
      { field: 'structured_comment', message: 'is too long' },
    ];
    await el.updateComplete;
    expect(messageOf(el, 'email')).to.equal('ist ungültig');
    expect(messageOf(el, 'born_on')).to.equal('liegt in der Zukunft');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    // Three problems, one of them naming no field of the form: all in the summary, focused.
    const summary = summaryOf(el)!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.querySelectorAll('a')).to.have.length(2);
    expect(summary.textContent).to.contain('is too long');
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();

    type(el, 'email', 'erika@example.com');
    await el.updateComplete;
    expect(messageOf(el, 'email')).to.equal(undefined);
  });

  it("says the portal's usual English messages in the patient's language", async () => {
    const el = await render({ t: de, fields: ['born_on', 'mobile'], value: filled });
    el.errors = [
      { field: 'patient_data.born_on', message: "can't be blank" },
      { field: 'patient_data.email', message: 'is invalid' },
      { field: 'patient_data.mobile', message: 'is invalid' },
      { field: 'patient_data.insurance', message: "can't be blank" },
    ];
    await el.updateComplete;
    expect(messageOf(el, 'born_on')).to.equal(de.details.required.born_on);
    expect(messageOf(el, 'email')).to.equal(de.details.invalid.email);
    expect(messageOf(el, 'mobile')).to.equal(de.details.invalid.phone);
    const box = summaryOf(el)!;
    expect(box.textContent).to.contain(
      `${de.details.labels.insurance}: ${de.details.required.insurance}`,
    );
    expect(el.shadowRoot!.textContent).not.to.match(/blank|invalid/);
  });

  it('offers the ASAP opt-in only when available', async () => {
    const off = await render();
    expect(off.shadowRoot!.querySelector('#asap')).to.equal(null);
    const on = await render({ t: en, asapAvailable: true, asapOptIn: true });
    const box = on.shadowRoot!.querySelector<HTMLInputElement>('#asap')!;
    expect(box.checked).to.equal(true);
    expect(on.shadowRoot!.querySelector('label[for="asap"]')!.textContent).to.equal(
      en.details.asapOptIn,
    );
    await expect(on).shadowDom.to.be.accessible();
  });

  describe('with the booking button', () => {
    const booking = (props: { submitting?: boolean; error?: string } = {}) =>
      fixture<PbDetailsStep>(
        html`<pb-details-step
          .t=${de}
          .value=${filled}
          submit-label=${de.booking.confirm}
          busy-label=${de.booking.submitting}
          binding-note=${de.booking.binding}
          .submitting=${props.submitting ?? false}
          .error=${props.error}
        ></pb-details-step>`,
      );
    const button = (el: PbDetailsStep) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;

    it('books with its own label, saying what it does', async () => {
      const el = await booking();
      expect(button(el).textContent!.trim()).to.equal('Termin verbindlich buchen');
      expect(el.shadowRoot!.textContent).to.contain(de.booking.binding);
      await expect(el).shadowDom.to.be.accessible();
    });

    it('does nothing on repeated clicks or Enter while sending, and keeps the form', async () => {
      const el = await booking({ submitting: true });
      let count = 0;
      el.addEventListener('pb-patient-submit', () => count++);
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(button(el).getAttribute('aria-busy')).to.equal('true');
      expect(button(el).textContent!.trim()).to.equal(de.booking.submitting);
      button(el).click();
      control(el, 'email').focus();
      await sendKeys({ press: 'Enter' });
      expect(count).to.equal(0);
      expect(control(el, 'first_name').value).to.equal('Erika');
      await expect(el).shadowDom.to.be.accessible();
    });

    it('shows a failed booking with Retry above the button, the form kept', async () => {
      const el = await booking({ error: de.errors.server });
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(de.errors.server);
      expect(control(el, 'last_name').value).to.equal('Mustermann');
      await expect(el).shadowDom.to.be.accessible();
      setTimeout(() => alert.querySelector('button')!.click());
      await oneEvent(el, 'pb-retry');
    });
  });

  it('asks one phone number for a type that requires both and sends it under both', async () => {
    const el = await render({ fields: ['mobile', 'phone'], value: filled });
    expect(control(el, 'phone')).to.equal(null);
    expect(control(el, 'mobile').required).to.equal(true);
    type(el, 'mobile', '0151 2345678');
    setTimeout(() => submit(el));
    const e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail.value).to.deep.equal({
      ...filled,
      mobile: '0151 2345678',
      phone: '0151 2345678',
    });
  });

  it('shows a number given as mobile in a landline-only field and sends it as phone', async () => {
    const el = await render({ fields: ['phone'], value: { ...filled, mobile: '030 1234567' } });
    expect(control(el, 'phone').value).to.equal('030 1234567');
    setTimeout(() => submit(el));
    const e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail.value).to.deep.equal({ ...filled, phone: '030 1234567' });
  });

  it('asks no insurance chosen in the first step and sends its name where the type requires it', async () => {
    const el = await render({
      fields: ['insurance'],
      value: { ...filled, insurance: 'an older choice' },
      insuranceName: 'Techniker Krankenkasse',
    });
    expect(control(el, 'insurance')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain(de.details.labels.insurance);
    setTimeout(() => submit(el));
    const e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail.value).to.deep.equal({ ...filled, insurance: 'Techniker Krankenkasse' });
  });

  it('reads the date of birth as day, month and year and sends it as YYYY-MM-DD', async () => {
    const el = await render({ fields: ['born_on'], value: filled });
    const born = control(el, 'born_on');
    born.focus();
    await sendKeys({ type: '1.2.1980' });
    await el.updateComplete;
    // Shown as typed (not rewritten under the caret), kept as a plain date.
    expect(born.value).to.equal('1.2.1980');
    setTimeout(() => submit(el));
    let e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail.value.born_on).to.equal('1980-02-01');

    for (const [typed, date] of [
      ['01.02.1980', '1980-02-01'],
      ['01021980', '1980-02-01'],
      ['29.02.2000', '2000-02-29'],
      ['1980-02-01', '1980-02-01'],
    ] as const) {
      type(el, 'born_on', typed);
      setTimeout(() => submit(el));
      e = await oneEvent(el, 'pb-patient-submit');
      expect(e.detail.value.born_on, typed).to.equal(date);
    }
  });

  it('says what is wrong with a date of birth, in the patient’s language', async () => {
    const el = await render({ t: en, fields: ['born_on'], value: filled });
    let submitted = false;
    el.addEventListener('pb-patient-submit', () => (submitted = true));
    for (const [typed, problem] of [
      ['1980', 'format'],
      ['02/01/80', 'format'],
      ['31.02.1980', 'noSuchDay'],
      ['29.02.1981', 'noSuchDay'],
      ['12.13.1980', 'noSuchDay'],
      ['01.02.1899', 'tooEarly'],
      ['01.02.2999', 'future'],
    ] as const) {
      type(el, 'born_on', typed);
      submit(el);
      await el.updateComplete;
      expect(messageOf(el, 'born_on'), typed).to.equal(en.details.bornOn[problem]);
      expect(el.shadowRoot!.activeElement, typed).to.equal(control(el, 'born_on'));
    }
    expect(submitted).to.equal(false);
    type(el, 'born_on', '12.04.1980');
    await el.updateComplete;
    expect(messageOf(el, 'born_on')).to.equal(undefined);
  });

  it('shows a date of birth it is given as DD.MM.YYYY', async () => {
    const el = await render({ fields: ['born_on'], value: { ...filled, born_on: '1964-08-12' } });
    expect(control(el, 'born_on').value).to.equal('12.08.1964');
    expect(control(el, 'born_on').placeholder).to.equal('TT.MM.JJJJ');
  });

  it('takes a note to the practice, counts what is left and reports it', async () => {
    const el = await render({ value: filled });
    const count = el.shadowRoot!.getElementById('f-note-count')!;
    expect(count.textContent).to.equal(de.details.note.left(500, 500));
    note(el).focus();
    setTimeout(() => void sendKeys({ type: 'Bitte Rückruf' }));
    let e = await oneEvent(el, 'pb-patient-input');
    while (e.detail.note !== 'Bitte Rückruf') e = await oneEvent(el, 'pb-patient-input');
    await el.updateComplete;
    expect(count.textContent).to.equal(de.details.note.left(487, 500));
    expect(e.detail.value).to.deep.equal(filled);
    setTimeout(() => submit(el));
    e = await oneEvent(el, 'pb-patient-submit');
    expect(e.detail.note).to.equal('Bitte Rückruf');

    const shown = await render({ value: filled, note: 'x'.repeat(480) });
    expect(shown.shadowRoot!.getElementById('f-note-count')!.textContent).to.equal(
      de.details.note.left(20, 500),
    );
    expect(shown.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal(
      de.details.note.left(20, 500),
    );
    await expect(shown).shadowDom.to.be.accessible();
  });

  it('says under the form that the details go to the practice, with its privacy notice', async () => {
    const bare = await render();
    const line = bare.shadowRoot!.querySelector('[part~="privacy"]')!;
    expect(line.textContent!.trim()).to.equal(de.details.privacy.notice);
    expect(line.querySelector('a')).to.equal(null);

    const el = await render({ t: en, privacyUrl: 'https://praxis.example/datenschutz' });
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="privacy"] a')!;
    expect(link.href).to.equal('https://praxis.example/datenschutz');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `${en.details.privacy.link} ${en.details.privacy.newWindow}`,
    );
    await expect(el).shadowDom.to.be.accessible();
  });

  it('focuses its heading', async () => {
    const el = await render();
    el.focusHeading();
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('H2');
  });
});
