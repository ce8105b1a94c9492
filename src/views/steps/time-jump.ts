import { html, nothing, type TemplateResult } from 'lit';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';

export interface Jumps {
  /** First and last day the date field accepts. */
  min: string;
  max: string;
  /** The date field is shown. */
  dateOpen: boolean;
  /** The last date the patient asked for was outside min…max. */
  dateInvalid: boolean;
  /** "First free time" is looking (its button is busy). */
  seeking: boolean;
  /** What a jump found, for screen readers ('' when nothing). */
  announcement: string;
  onFirstFree: () => void;
  onToggleDate: () => void;
  onDate: (day: string) => void;
}

/**
 * "First free time" and "Choose a date" side by side; the latter opens a native date field, which
 * phones show as their own date picker (and screen readers know), with a Show button.
 */
export function renderJumps(t: Messages, fmt: Format, j: Jumps): TemplateResult {
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
    j.onDate(input.value);
  };
  return html`<div class="jumps" part="jumps">
      <button
        type="button"
        part="first-free"
        aria-disabled=${j.seeking ? 'true' : 'false'}
        aria-busy=${j.seeking ? 'true' : 'false'}
        @click=${() => !j.seeking && j.onFirstFree()}
      >
        ${t.time.firstFree}
      </button>
      <button
        type="button"
        part="choose-date"
        aria-expanded=${j.dateOpen ? 'true' : 'false'}
        aria-controls="date-form"
        @click=${j.onToggleDate}
      >
        ${t.time.chooseDate}
      </button>
    </div>
    ${
      j.dateOpen
        ? html`<form
            id="date-form"
            class="date-form"
            part="date-form"
            novalidate
            @submit=${onSubmit}
          >
            <label for="date">${t.time.dateLabel}</label>
            <input
              id="date"
              name="date"
              type="date"
              min=${j.min}
              max=${j.max}
              aria-invalid=${j.dateInvalid ? 'true' : 'false'}
              aria-describedby=${j.dateInvalid ? 'date-error' : nothing}
            />
            <button type="submit">${t.time.showDate}</button>
            ${
              j.dateInvalid
                ? html`<p id="date-error" class="field-error">
                    ${t.time.dateOutOfRange(fmt.plainDate(j.min), fmt.plainDate(j.max))}
                  </p>`
                : nothing
            }
          </form>`
        : nothing
    }
    <p class="vh" role="status">${j.announcement}</p>`;
}
