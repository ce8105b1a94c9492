/**
 * The error summary above a form with two or more problems (the GOV.UK pattern): a box that takes
 * the focus, says how many entries to check, and links each problem to its field.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface SummaryItem {
  /** The text: "Label: what to do". */
  text: string;
  /** The id of the control it is about; none for an error that names no field of the form. */
  controlId?: string;
}

/** One or more server errors that name no field of the form (`part="error"`, focusable). */
export function renderServerErrors(heading: string, texts: readonly string[]) {
  if (texts.length === 0) return nothing;
  return html`<div class="alert" part="error" role="alert" tabindex="-1">
    <p>${heading}</p>
    <ul>
      ${texts.map((text) => html`<li>${text}</li>`)}
    </ul>
  </div>`;
}

/** Where a form shows its errors: the summary box from this many on, else at the field. */
export const SUMMARY_FROM = 2;

/**
 * The summary box (`part="error-summary"`, `tabindex="-1"` to take the focus). A link focuses its
 * control in the same shadow root: a fragment link cannot reach into it.
 */
export function renderErrorSummary(
  heading: string,
  items: readonly SummaryItem[],
  focusControl: (id: string) => void,
): TemplateResult | typeof nothing {
  if (items.length < SUMMARY_FROM) return nothing;
  return html`<div
    class="alert summary"
    part="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-heading"
  >
    <p id="error-summary-heading">${heading}</p>
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            ${
              item.controlId
                ? html`<a
                    href="#${item.controlId}"
                    @click=${(e: Event) => {
                      e.preventDefault();
                      focusControl(item.controlId!);
                    }}
                    >${item.text}</a
                  >`
                : item.text
            }
          </li>`,
      )}
    </ul>
  </div>`;
}
