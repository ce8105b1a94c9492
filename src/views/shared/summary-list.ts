import { css, html, nothing, type TemplateResult } from 'lit';
import type { Address } from '../../api/types.js';
import type { Messages } from '../../i18n/messages.js';

/** One line of an appointment summary; `onEdit` adds a "Change" button. */
export interface SummaryRow {
  label: string;
  value: TemplateResult | string;
  onEdit?: () => void;
}

/** "Hauptstraße 1, 10115 Berlin" */
export function formatAddress(a: Address | undefined): string {
  if (!a) return '';
  const city = [a.postalCode, a.locality].filter(Boolean).join(' ');
  return [a.street, city].filter(Boolean).join(', ');
}

/** A definition list of rows (`part="summary"`). */
export function summaryList(t: Messages, rows: readonly SummaryRow[]): TemplateResult {
  return html`<dl part="summary">
    ${rows.map(
      (r) =>
        html`<div class="row">
          <dt>${r.label}</dt>
          <dd>${r.value}</dd>
          ${
            r.onEdit
              ? html`<dd class="edit">
                  <button
                    type="button"
                    class="link"
                    part="edit"
                    aria-label=${t.common.changeWhat(r.label)}
                    @click=${r.onEdit}
                  >
                    ${t.common.change}
                  </button>
                </dd>`
              : nothing
          }
        </div>`,
    )}
  </dl>`;
}

export const summaryStyles = css`
  dl {
    margin: 0 0 1em;
    border-top: 1px solid var(--_border);
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25em 1em;
    padding: 0.75em 0;
    border-bottom: 1px solid var(--_border);
  }
  dt {
    grid-column: 1;
    color: var(--_muted);
    font-size: 0.9em;
  }
  dd {
    grid-column: 1;
    margin: 0;
  }
  dd.edit {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
  }
  dd .line {
    display: block;
  }
  button.link {
    min-height: 2.75em;
    padding: 0.25em 0.5em;
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
  }
  button.link:hover {
    border-color: var(--_accent);
  }
`;
