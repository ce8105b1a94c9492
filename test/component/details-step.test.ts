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
    ></pb-details-step>`,
  );
}

const control = (el: PbDetailsStep, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(`[name="${name}"]`)!;
const messageOf = (el: PbDetailsStep, name: string) => {
  const id = control(el, name).getAttribute('aria-describedby');
  return id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : undefined;
};
const submit = (el: PbDetailsStep) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

function type(el: PbDetailsStep, name: string, value: string) {
  const input = control(el, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<pb-details-step>', () => {
  it('asks for names and email (required) and phone/mobile (optional) by default', async () => {
    const el = await render();
    const names = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name]')].map(
      (i) => i.name,
    );
    expect(names).to.deep.equal(['first_name', 'last_name', 'email', 'phone', 'mobile']);
    expect(control(el, 'first_name').required).to.equal(true);
    expect(control(el, 'email').required).to.equal(true);
    expect(control(el, 'email').type).to.equal('email');
    expect(control(el, 'phone').required).to.equal(false);
    expect(control(el, 'phone').getAttribute('autocomplete')).to.equal('tel');
    expect(control(el, 'first_name').getAttribute('autocomplete')).to.equal('given-name');
    expect(el.shadowRoot!.querySelector('label[for="f-phone"]')!.textContent).to.contain(
      '(optional)',
    );
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
    expect(born.type).to.equal('date');
    expect(born.getAttribute('autocomplete')).to.equal('bday');
    expect(born.max).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(control(el, 'phone').required).to.equal(true);
    expect(control(el, 'mobile').required).to.equal(false);
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
    setTimeout(() => type(el, 'phone', '030 1234567'));
    let e = await oneEvent(el, 'pb-patient-input');
    expect(e.detail).to.deep.equal({
      value: { ...filled, insurance: 'TK', phone: '030 1234567' },
      asapOptIn: false,
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
    control(el, 'born_on').value = '2999-01-01';
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(messageOf(el, 'first_name')).to.equal(undefined);
    expect(messageOf(el, 'last_name')).to.equal(de.details.required.last_name);
    expect(messageOf(el, 'email')).to.equal(de.details.invalid.email);
    expect(messageOf(el, 'born_on')).to.equal(de.details.invalid.bornOnFuture);
    expect(control(el, 'last_name').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'last_name'));
    await expect(el).shadowDom.to.be.accessible();

    type(el, 'last_name', 'Mustermann');
    await el.updateComplete;
    expect(messageOf(el, 'last_name')).to.equal(undefined);
    expect(control(el, 'last_name').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('checks phone numbers and email domains', async () => {
    const el = await render({ t: en, value: { ...filled, email: 'a@b', phone: 'call me' } });
    submit(el);
    await el.updateComplete;
    expect(messageOf(el, 'email')).to.equal(en.details.invalid.email);
    expect(messageOf(el, 'phone')).to.equal(en.details.invalid.phone);
    type(el, 'phone', '+49 (30) 123-45/67');
    type(el, 'email', 'a@b.de');
    await el.updateComplete;
    expect(messageOf(el, 'phone')).to.equal(undefined);
    expect(messageOf(el, 'email')).to.equal(undefined);
  });

  it('trims values and treats blanks as missing', async () => {
    const el = await render({ value: { ...filled, first_name: '   ', last_name: ' Muster ' } });
    let submitted = false;
    el.addEventListener('pb-patient-submit', () => (submitted = true));
    submit(el);
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(messageOf(el, 'first_name')).to.equal(de.details.required.first_name);
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
    expect(e.detail).to.deep.equal({ value: filled, asapOptIn: true });
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
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'born_on'));
    const box = el.shadowRoot!.querySelector('[part~="error"]')!;
    expect(box.textContent).to.contain('is too long');
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
    const box = el.shadowRoot!.querySelector('[part~="error"]')!;
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
          note=${de.booking.binding}
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

  it('focuses its heading', async () => {
    const el = await render();
    el.focusHeading();
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('H2');
  });
});
