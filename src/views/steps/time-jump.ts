import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { LitElement } from 'lit';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { addDays, isPlainDate } from '../../time/calendar.js';
import { JUMP_DAYS } from './time-week.js';

/**
 * The date field's state: open or not, the last entry refused; focus goes into the field when it
 * opens or refuses, and back to its button when it closes on a date.
 */
export class DateField implements ReactiveController {
  open = false;
  invalid = false;
  private focus?: string;

  constructor(private readonly host: LitElement) {
    host.addController(this);
  }

  /** The first and last day the field takes from `min` (today) on. */
  static range(min: string): { min: string; max: string } {
    return { min, max: min && addDays(min, JUMP_DAYS) };
  }

  toggle(): void {
    this.open = !this.open;
    this.invalid = false;
    if (this.open) this.focus = '#date';
    this.host.requestUpdate();
  }

  /** The date entered if it is in reach of `min` (then the field closes), else `undefined`. */
  submit(value: string, min: string): string | undefined {
    const { max } = DateField.range(min);
    this.invalid = !isPlainDate(value) || value < min || value > max;
    this.open = this.invalid;
    this.focus = this.invalid ? '#date' : '[part~="choose-date"]';
    this.host.requestUpdate();
    return this.invalid ? undefined : value;
  }

  hostUpdated(): void {
    if (!this.focus) return;
    this.host.renderRoot.querySelector<HTMLElement>(this.focus)?.focus();
    this.focus = undefined;
  }
}

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
