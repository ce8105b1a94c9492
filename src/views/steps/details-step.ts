import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import { live } from 'lit/directives/live.js';
import type { FieldError, PatientData, PatientField } from '../../api/types.js';
import { localToday } from '../../time/calendar.js';
import { detailsStyles } from './details-styles.js';
import { fieldsFor, type FieldSpec } from './details-fields.js';
import {
  birthDateMessage,
  bornOnShown,
  bornOnValue,
  portalFieldMessage,
  serverErrorText,
  validityMessage,
} from './details-messages.js';
import {
  renderErrorSummary,
  renderServerErrors,
  SUMMARY_FROM,
  type SummaryItem,
} from './error-summary.js';
import { renderNote, renderPrivacy } from './details-extras.js';
import { renderField } from './details-field.js';
import { StepView } from '../shared/step-view.js';
import { errorAlert } from '../shared/parts.js';
import type { PatientInput } from '../shared/view-events.js';

type Control = HTMLInputElement | HTMLSelectElement;
const PREFIX = 'patient_data.';
const PHONES = ['mobile', 'phone'] as const;

/**
 * @summary The patient's details: a form with native constraint validation and own, localized
 * messages. Controlled: shows `value`, reports every input. Server 422 errors appear next to
 * their fields; two or more problems also in a summary above the form, which takes the focus.
 * One phone field, no insurance field when the first step's insurance is known, the date of
 * birth as day, month and year in one text field, an optional note to the practice, and the
 * privacy line under the form. Its button books (`submit-label`): while `submitting` it is busy
 * and does nothing; a failed attempt shows `error` with Retry above it. The form stays editable.
 *
 * @fires pb-patient-input - `{ value, asapOptIn, note }` on every input
 * @fires pb-patient-submit - `{ value, asapOptIn, note }` when submitted and valid (not while
 *   `submitting`)
 * @fires pb-retry - the Retry button after a failed attempt
 *
 * @csspart heading - the step heading
 * @csspart field - one label + control + message
 * @csspart field-error - a field's error message
 * @csspart error - the box for server errors that name no shown field
 * @csspart submit - the submit button
 */
@customElementOnce('pb-details-step')
export class PbDetailsStep extends StepView {
  static override styles = [StepView.styles, detailsStyles];

  /** The appointment type's required patient fields (names and email are always asked). */
  @property({ attribute: false }) fields: PatientField[] = [];

  /** What the patient typed so far (controlled). */
  @property({ attribute: false }) value: PatientData = {};

  /** Server validation errors, keyed like `patient_data.email`. */
  @property({ attribute: false }) errors: FieldError[] = [];

  /** Offer the "notify me if an earlier time becomes free" opt-in. */
  @property({ type: Boolean, attribute: 'asap-available' }) asapAvailable = false;

  /** The opt-in's state (controlled, like `value`). */
  @property({ type: Boolean, attribute: 'asap-opt-in' }) asapOptIn = false;

  /** The insurance chosen in the first step: not asked again, sent when the type requires it. */
  @property({ attribute: false }) insuranceName?: string;

  /** The practice's privacy notice (the backend's configuration); without it, no link. */
  @property({ attribute: false }) privacyUrl?: string;

  /** The note to the practice (controlled, like `value`). */
  @property({ attribute: false }) note = '';

  /** The submit button's text; default `t.details.submit`. */
  @property({ attribute: 'submit-label' }) submitLabel?: string;

  /** The submit button's text while `submitting`. */
  @property({ attribute: 'busy-label' }) busyLabel?: string;

  /** A sentence above the submit button (what it does). */
  @property({ attribute: 'binding-note' }) bindingNote?: string;

  /** The data is being sent: the button is busy, a second submit does nothing. */
  @property({ type: Boolean }) submitting = false;

  /** The last attempt's failure, shown with a Retry button above the submit button. */
  @property() error?: string;

  /** Messages from the last submit attempt, per field. */
  @state() private clientErrors: Partial<Record<PatientField, string>> = {};

  /** Fields edited since the server errors came (their server message is stale). */
  @state() private edited = new Set<PatientField>();

  /**
   * What the form shows: `value` as given, then what was typed since. Updated on input before
   * any re-render, so a render between an input and the root's new `value` never resets a field
   * (and never moves the caret).
   */
  private draft: PatientInput = { value: {}, asapOptIn: false, note: '' };

  /** The date of birth as typed: shown while it still means the value (1.2.1980 stays so). */
  private bornOnTyped?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('asapOptIn') || changed.has('note')) {
      this.draft = { value: this.value, asapOptIn: this.asapOptIn, note: this.note };
    }
    if (changed.has('errors')) this.edited = new Set();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('errors') && this.errors.length > 0) this.focusFirstInvalid();
  }

  private get specs(): FieldSpec[] {
    return fieldsFor(this.fields, { insuranceKnown: Boolean(this.insuranceName) });
  }

  private control(name: PatientField): Control | null {
    return this.renderRoot.querySelector<Control>(`[name="${name}"]`);
  }

  /** The message shown for a field: own validation first, then the server's. */
  private messageFor(name: PatientField): string | undefined {
    const own = this.clientErrors[name];
    if (own) return own;
    if (this.edited.has(name)) return undefined;
    const error = this.errors.find((e) => e.field === PREFIX + name);
    return error && portalFieldMessage(this.t, name, error.message);
  }

  /** Server errors that name no field of this form. */
  private get otherErrors(): FieldError[] {
    const shown = new Set(this.specs.map((s) => PREFIX + s.name));
    return this.errors.filter((e) => !shown.has(e.field));
  }

  /** Every problem the form shows: its fields' first, then the server's others. */
  private summaryItems(): SummaryItem[] {
    const labels = this.t.details.labels as Record<string, string>;
    const items: SummaryItem[] = [];
    for (const s of this.specs) {
      const message = this.messageFor(s.name);
      if (message) items.push({ text: `${labels[s.name]}: ${message}`, controlId: `f-${s.name}` });
    }
    for (const e of this.otherErrors) items.push({ text: serverErrorText(this.t, e) });
    return items;
  }

  private focusFirstInvalid(): void {
    if (this.summaryItems().length >= SUMMARY_FROM) {
      this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
      return;
    }
    const first = this.specs.find((s) => this.messageFor(s.name));
    if (first) this.control(first.name)?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
  }

  /** The message a control's content earns ('' when valid); the date of birth is read here. */
  private check(spec: FieldSpec, el: Control): string {
    if (spec.kind === 'date' && el.value.trim() !== '') {
      return birthDateMessage(this.t, el.value, localToday());
    }
    return validityMessage(this.t, spec.name, el.validity);
  }

  /**
   * The form's values merged over `value` (keys the form does not show are kept, except a phone
   * number and an insurance it does not show: what is sent is what the patient saw).
   */
  private collect(): PatientInput {
    const value: PatientData = { ...this.draft.value };
    for (const name of PHONES) delete value[name];
    const specs = this.specs;
    for (const spec of specs) {
      const el = this.control(spec.name);
      if (!el) continue;
      if (spec.name === 'accepts_email') {
        value.accepts_email = (el as HTMLInputElement).checked;
        continue;
      }
      const typed = spec.kind === 'date' ? bornOnValue(el.value) : el.value;
      for (const name of [spec.name, ...(spec.sentAlsoAs ?? [])]) {
        if (typed) value[name as Exclude<PatientField, 'accepts_email'>] = typed;
        else delete value[name];
      }
    }
    if (!specs.some((s) => s.name === 'insurance')) {
      if (this.insuranceName && this.fields.includes('insurance')) {
        value.insurance = this.insuranceName;
      } else delete value.insurance;
    }
    const asap = this.renderRoot.querySelector<HTMLInputElement>('#asap');
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#f-note');
    this.draft = {
      value,
      asapOptIn: asap ? asap.checked : false,
      note: note ? note.value : this.draft.note,
    };
    return this.draft;
  }

  private onInput = (e: Event): void => {
    const el = e.target as Control;
    const name = el.name as PatientField;
    const spec = this.specs.find((s) => s.name === name);
    if (spec) {
      if (spec.kind === 'date') this.bornOnTyped = el.value;
      if (!this.edited.has(name)) this.edited = new Set(this.edited).add(name);
      if (this.clientErrors[name] !== undefined) {
        const message = this.check(spec, el);
        this.clientErrors = { ...this.clientErrors, [name]: message || undefined };
      }
    }
    this.emit('pb-patient-input', this.collect());
    // The note's count of characters left is the form's own.
    if (el.id === 'f-note') this.requestUpdate();
  };

  private onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (this.submitting) return;
    const found: Partial<Record<PatientField, string>> = {};
    for (const spec of this.specs) {
      const el = this.control(spec.name);
      // "  " is no name: trim before validating, so `required` sees it as missing.
      if (el instanceof HTMLInputElement && el.type !== 'checkbox') el.value = el.value.trim();
      const message = el ? this.check(spec, el) : '';
      if (message) found[spec.name] = message;
    }
    this.clientErrors = found;
    const input = this.collect();
    if (Object.keys(found).length > 0) {
      void this.updateComplete.then(() => this.focusFirstInvalid());
      return;
    }
    this.emit('pb-patient-submit', input);
  };

  override render() {
    if (!this.t) return nothing;
    const d = this.t.details;
    return html`<h2 part="heading" tabindex="-1">${d.heading}</h2>
      <p class="muted">${d.intro}</p>
      ${this.renderProblems()}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput}>
        ${this.specs.map((s) => this.renderField(s))}
        ${renderNote(d, this.t.common.optional, this.draft.note)} ${this.renderAsap()}
        ${this.error ? errorAlert(this.t, this.error, () => this.emit('pb-retry', {})) : nothing}
        ${this.bindingNote ? html`<p class="muted">${this.bindingNote}</p>` : nothing}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="submit"
            aria-disabled=${this.submitting ? 'true' : 'false'}
            aria-busy=${this.submitting ? 'true' : 'false'}
          >
            ${(this.submitting && this.busyLabel) || this.submitLabel || d.submit}
          </button>
        </div>
        <p class="vh" role="status">${this.submitting ? this.busyLabel : ''}</p>
      </form>
      ${renderPrivacy(d, this.privacyUrl)}`;
  }

  /** Two or more problems: the summary; else server errors that name no field of this form. */
  private renderProblems(): TemplateResult | typeof nothing {
    const items = this.summaryItems();
    if (items.length >= SUMMARY_FROM) {
      return renderErrorSummary(this.t.details.summary(items.length), items, (id) =>
        this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      );
    }
    const rest = this.otherErrors.map((e) => serverErrorText(this.t, e));
    return renderServerErrors(this.t.details.serverErrors, rest);
  }

  private renderField(spec: FieldSpec): TemplateResult {
    const message = this.messageFor(spec.name);
    return renderField(this.t, spec, {
      ...(message ? { message } : {}),
      current: this.shownValue(spec),
      checked: this.draft.value.accepts_email === true,
    });
  }

  /**
   * What a field shows: the value, a phone number given under the other phone field, the date of
   * birth as typed while it still means the value, else as 01.02.1980.
   */
  private shownValue(spec: FieldSpec): string {
    const v = this.draft.value;
    if (spec.name === 'mobile' || spec.name === 'phone')
      return v[spec.name] ?? v.mobile ?? v.phone ?? '';
    if (spec.kind !== 'date') return String(v[spec.name] ?? '');
    return bornOnShown(v.born_on ?? '', this.bornOnTyped);
  }

  private renderAsap(): TemplateResult | typeof nothing {
    if (!this.asapAvailable) return nothing;
    const d = this.t.details;
    return html`<div part="field asap" class="field check">
      <input
        id="asap"
        type="checkbox"
        .checked=${live(this.draft.asapOptIn)}
        aria-describedby="asap-hint"
      />
      <label for="asap">${d.asapOptIn}</label>
      <p id="asap-hint" class="muted hint">${d.asapHint}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-details-step': PbDetailsStep;
  }
}
