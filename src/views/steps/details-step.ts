import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import { live } from 'lit/directives/live.js';
import type { FieldError, PatientData, PatientField } from '../../api/types.js';
import { localToday } from '../../time/calendar.js';
import { GENDERS } from '../../i18n/messages.js';
import { detailsStyles } from './details-styles.js';
import {
  fieldsFor,
  portalFieldMessage,
  validityMessage,
  type FieldSpec,
} from './details-fields.js';
import { StepView } from '../shared/step-view.js';
import { errorAlert } from '../shared/parts.js';
import type { PatientInput } from '../shared/view-events.js';

type Control = HTMLInputElement | HTMLSelectElement;
const PREFIX = 'patient_data.';

/**
 * @summary The patient's details: a form with native constraint validation and own, localized
 * messages. Controlled: shows `value`, reports every input. Server 422 errors appear next to
 * their fields. Its button books (`submit-label`): while `submitting` it is busy and does nothing;
 * a failed attempt shows `error` with Retry above it. The form stays editable throughout.
 *
 * @fires pb-patient-input - `{ value, asapOptIn }` on every input
 * @fires pb-patient-submit - `{ value, asapOptIn }` when submitted and valid (not while `submitting`)
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

  /** The submit button's text; default `t.details.submit`. */
  @property({ attribute: 'submit-label' }) submitLabel?: string;

  /** The submit button's text while `submitting`. */
  @property({ attribute: 'busy-label' }) busyLabel?: string;

  /** A sentence above the submit button (what it does). */
  @property() note?: string;

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
  private draft: PatientInput = { value: {}, asapOptIn: false };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('asapOptIn')) {
      this.draft = { value: this.value, asapOptIn: this.asapOptIn };
    }
    if (changed.has('errors')) this.edited = new Set();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('errors') && this.errors.length > 0) this.focusFirstInvalid();
  }

  private get specs(): FieldSpec[] {
    return fieldsFor(this.fields);
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

  private focusFirstInvalid(): void {
    const first = this.specs.find((s) => this.messageFor(s.name));
    if (first) this.control(first.name)?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
  }

  /** The form's values merged over `value` (keys the form does not show are kept). */
  private collect(): PatientInput {
    const value: PatientData = { ...this.draft.value };
    for (const spec of this.specs) {
      const el = this.control(spec.name);
      if (!el) continue;
      if (spec.name === 'accepts_email') {
        value.accepts_email = (el as HTMLInputElement).checked;
        continue;
      }
      if (el.value) value[spec.name] = el.value;
      else delete value[spec.name];
    }
    const asap = this.renderRoot.querySelector<HTMLInputElement>('#asap');
    this.draft = { value, asapOptIn: asap ? asap.checked : false };
    return this.draft;
  }

  private onInput = (e: Event): void => {
    const el = e.target as Control;
    const name = el.name as PatientField;
    if (name) {
      if (!this.edited.has(name)) this.edited = new Set(this.edited).add(name);
      if (this.clientErrors[name] !== undefined) {
        const message = validityMessage(this.t, name, el.validity);
        this.clientErrors = { ...this.clientErrors, [name]: message || undefined };
      }
    }
    this.emit('pb-patient-input', this.collect());
  };

  private onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (this.submitting) return;
    const found: Partial<Record<PatientField, string>> = {};
    for (const spec of this.specs) {
      const el = this.control(spec.name);
      // "  " is no name: trim before validating, so `required` sees it as missing.
      if (el instanceof HTMLInputElement && el.type !== 'checkbox') el.value = el.value.trim();
      const message = el ? validityMessage(this.t, spec.name, el.validity) : '';
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
      ${this.renderServerErrors()}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput}>
        ${this.specs.map((s) => this.renderField(s))} ${this.renderAsap()}
        ${this.error ? errorAlert(this.t, this.error, () => this.emit('pb-retry', {})) : nothing}
        ${this.note ? html`<p class="muted">${this.note}</p>` : nothing}
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
      </form>`;
  }

  /** Server errors that name no field of this form. */
  private renderServerErrors(): TemplateResult | typeof nothing {
    const shown = new Set(this.specs.map((s) => PREFIX + s.name));
    const rest = this.errors.filter((e) => !shown.has(e.field));
    if (rest.length === 0) return nothing;
    const labels = this.t.details.labels as Record<string, string>;
    return html`<div class="alert" part="error" role="alert" tabindex="-1">
      <p>${this.t.details.serverErrors}</p>
      <ul>
        ${rest.map((e) => {
          const name = e.field.slice(PREFIX.length);
          const label = e.field.startsWith(PREFIX) ? labels[name] : undefined;
          return html`<li>
            ${
              label
                ? `${label}: ${portalFieldMessage(this.t, name as PatientField, e.message)}`
                : e.message
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderField(spec: FieldSpec): TemplateResult {
    const d = this.t.details;
    const id = `f-${spec.name}`;
    const message = this.messageFor(spec.name);
    const described = message ? `${id}-error` : undefined;
    const error = message
      ? html`<p id="${id}-error" class="field-error" part="field-error">${message}</p>`
      : nothing;
    if (spec.kind === 'checkbox') {
      return html`<div part="field" class="field check">
        <input
          id=${id}
          name=${spec.name}
          type="checkbox"
          .checked=${live(this.draft.value.accepts_email === true)}
          aria-describedby=${described ?? nothing}
          aria-invalid=${message ? 'true' : nothing}
        />
        <label for=${id}>${d.labels[spec.name]}</label>
        ${error}
      </div>`;
    }
    const current = this.draft.value[spec.name] ?? '';
    const invalid = message ? 'true' : undefined;
    return html`<div part="field" class="field">
      <label for=${id}>
        ${d.labels[spec.name]}
        ${spec.required ? nothing : html`<span class="muted">(${this.t.common.optional})</span>`}
      </label>
      ${
        spec.kind === 'select'
          ? html`<select
              id=${id}
              name=${spec.name}
              autocomplete=${spec.autocomplete}
              ?required=${spec.required}
              aria-describedby=${described ?? nothing}
              aria-invalid=${invalid ?? nothing}
            >
              <option value="" ?selected=${current === ''}>${d.choose}</option>
              ${GENDERS.map(
                (g) => html`<option value=${g} ?selected=${current === g}>${d.genders[g]}</option>`,
              )}
            </select>`
          : html`<input
              id=${id}
              name=${spec.name}
              type=${spec.kind}
              autocomplete=${spec.autocomplete}
              ?required=${spec.required}
              maxlength=${spec.maxLength ?? nothing}
              pattern=${spec.pattern ?? nothing}
              max=${spec.kind === 'date' ? localToday() : nothing}
              min=${spec.kind === 'date' ? '1900-01-01' : nothing}
              .value=${live(String(current))}
              aria-describedby=${described ?? nothing}
              aria-invalid=${invalid ?? nothing}
            />`
      }
      ${error}
    </div>`;
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
