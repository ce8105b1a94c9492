/** One field of the details form: label, hint, control and message, from its spec. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { GENDERS, type Messages } from '../../i18n/messages.js';
import type { FieldSpec } from './details-fields.js';

export interface FieldState {
  /** The field's error message, if it has one. */
  message?: string;
  /** What a text field or select shows. */
  current: string;
  /** What a checkbox shows. */
  checked: boolean;
}

/** Ids: `f-<name>` for the control, `-hint` and `-error` for what describes it. */
// Autofill tokens go in as the property, which reflects to the attribute: the template checker's
// list of the attribute's values lacks valid tokens that `SPEC_OF` uses ('sex', 'mobile tel').

export function renderField(t: Messages, spec: FieldSpec, state: FieldState): TemplateResult {
  const d = t.details;
  const id = `f-${spec.name}`;
  const { message, current } = state;
  const described = message ? `${id}-error` : undefined;
  const invalid = message ? 'true' : undefined;
  const error = message
    ? html`<p id="${id}-error" class="field-error" part="field-error">${message}</p>`
    : nothing;
  if (spec.kind === 'checkbox') {
    return html`<div part="field" class="field check">
      <input
        id=${id}
        name=${spec.name}
        type="checkbox"
        .checked=${live(state.checked)}
        aria-describedby=${described ?? nothing}
        aria-invalid=${invalid ?? nothing}
      />
      <label for=${id}>${d.labels[spec.name]}</label>
      ${error}
    </div>`;
  }
  const isDate = spec.kind === 'date';
  const hint = isDate ? html`<p id="${id}-hint" class="muted hint">${d.bornOnHint}</p>` : nothing;
  const describedBy = [isDate ? `${id}-hint` : '', described ?? ''].join(' ').trim();
  const control =
    spec.kind === 'select'
      ? html`<select
          id=${id}
          name=${spec.name}
          .autocomplete=${spec.autocomplete}
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
          type=${isDate ? 'text' : spec.kind}
          inputmode=${isDate ? 'numeric' : nothing}
          placeholder=${isDate ? d.bornOnFormat : nothing}
          .autocomplete=${spec.autocomplete}
          ?required=${spec.required}
          maxlength=${spec.maxLength ?? nothing}
          pattern=${spec.pattern ?? nothing}
          .value=${live(current)}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${invalid ?? nothing}
        />`;
  return html`<div part="field" class="field">
    <label for=${id}>
      ${d.labels[spec.name]}
      ${spec.required ? nothing : html`<span class="muted">(${t.common.optional})</span>`}
    </label>
    ${hint} ${control} ${error}
  </div>`;
}
