import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { CoreMessages } from '../../i18n/messages.js';
import { errorAlert, loadingNote, skeletons } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';
import type { FilterName } from '../shared/view-events.js';

/** One choice in a single-choice step. */
export interface ChoiceOption {
  id: string;
  label: string;
  description?: string;
  /** Short facts shown as badges, e.g. "30 Min.", "Videosprechstunde", a location name. */
  meta?: string[];
  /** Options are grouped under headings in order of first appearance (e.g. insurance kind). */
  group?: string;
}

/** A radio group above the options that narrows them (the insurance; a category in a long list). */
export interface ChoiceFilter {
  name: FilterName;
  legend: string;
  options: ChoiceOption[];
  selectedId?: string | undefined;
}

interface Group {
  name: string | undefined;
  options: ChoiceOption[];
}

/**
 * @summary A single-choice list (the appointment types, under their categories): each option is a
 * button that chooses and advances. The option chosen before is marked `aria-pressed="true"`.
 * Radio groups above the list (`filters`: the insurance, a category) narrow it without advancing.
 *
 * @fires pb-select - `{ id }` of the chosen option
 * @fires pb-narrow - `{ name, id }` of a filter's chosen radio
 * @fires pb-retry - the Retry button after an error
 *
 * @csspart heading - the step heading
 * @csspart filter - a radio group above the list
 * @csspart option - an option button
 * @csspart error - the error box
 */
@customElementOnce('pb-choice-step')
export class PbChoiceStep extends StepView<CoreMessages> {
  /** The first step's part of the catalogue (named here for the template checker). */
  declare t: CoreMessages;

  static override styles = [
    StepView.styles,
    css`
      ul[part~='list'] {
        display: grid;
        gap: 0.5em;
      }
      button[part~='option'] {
        display: block;
        width: 100%;
        padding: 0.75em 1em;
        border-color: var(--_border);
        color: var(--_text);
        font-weight: 400;
        text-align: start;
      }
      button[part~='option']:hover {
        border-color: var(--_accent);
      }
      button[aria-pressed='true'] {
        border: 2px solid var(--_accent);
        background: var(--_tint);
      }
      .label {
        display: block;
        font-weight: 600;
      }
      .description {
        display: block;
        margin-top: 0.25em;
        color: var(--_muted);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.5em;
        margin-top: 0.5em;
        color: var(--_muted);
      }
      .skeleton.row {
        height: 3.5em;
      }
      fieldset {
        margin: 0 0 1em;
        padding: 0;
        border: 0;
      }
      legend {
        margin-bottom: 0.5em;
        font-weight: 600;
      }
      .radios {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
        gap: 0.25em 1em;
      }
      .radios label {
        display: flex;
        gap: 0.5em;
        align-items: center;
        min-height: 2.75em;
      }
      .radios input {
        accent-color: var(--_accent);
      }
    `,
  ];

  /** The step's heading (e.g. `t.insurance.heading`). */
  @property() heading = '';

  /** The choices; `undefined` while loading (skeleton rows, `aria-busy`); null: none yet (`hint`). */
  @property({ attribute: false }) options: ChoiceOption[] | undefined | null;

  /** Radio groups above the list. */
  @property({ attribute: false }) filters: ChoiceFilter[] = [];

  /** Shown instead of the list while a filter waits for its answer. */
  @property() hint = '';

  /** The id chosen before (when the user comes back to this step). */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** A message to show with a Retry button instead of the list. */
  @property() error?: string;

  /** Shown when `options` is empty. */
  @property({ attribute: 'empty-text' }) emptyText = '';

  private onSelect(id: string): void {
    this.emit('pb-select', { id });
  }

  private onRetry = (): void => {
    this.emit('pb-retry', {});
  };

  override render() {
    if (!this.t) return nothing;
    return html`<h2 part="heading" tabindex="-1">${this.heading}</h2>
      ${this.filters.map((f) => this.renderFilter(f))} ${this.renderBody()}`;
  }

  private renderFilter(f: ChoiceFilter): TemplateResult {
    return html`<fieldset part="filter">
      <legend>${f.legend}</legend>
      <div class="radios">
        ${f.options.map(
          (o) =>
            html`<label
              ><input
                type="radio"
                name=${f.name}
                .checked=${o.id === f.selectedId}
                @change=${() => this.emit('pb-narrow', { name: f.name, id: o.id })}
              />${o.label}</label
            >`,
        )}
      </div>
    </fieldset>`;
  }

  private renderBody(): TemplateResult {
    if (this.error) return errorAlert(this.t, this.error, this.onRetry);
    if (this.options === null) return html`<p part="empty">${this.hint}</p>`;
    if (!this.options) {
      return html`${loadingNote(this.t)}
        <ul class="plain" part="list" role="list" aria-busy="true">
          ${skeletons(4, 'row')}
        </ul>`;
    }
    if (this.options.length === 0) return html`<p part="empty">${this.emptyText}</p>`;
    return html`${groupOptions(this.options).map((g) => this.renderGroup(g))}`;
  }

  private renderGroup(group: Group): TemplateResult {
    const list = html`<ul class="plain" part="list" role="list">
      ${group.options.map((o) => html`<li>${this.renderOption(o)}</li>`)}
    </ul>`;
    if (group.name === undefined) return list;
    return html`<h3 part="group-heading">${group.name}</h3>
      ${list}`;
  }

  private renderOption(o: ChoiceOption): TemplateResult {
    return html`<button
      type="button"
      part="option"
      aria-pressed=${o.id === this.selectedId ? 'true' : 'false'}
      @click=${() => this.onSelect(o.id)}
    >
      <span class="label">${o.label}</span>
      ${o.description ? html`<span class="description">${o.description}</span>` : nothing}
      ${
        o.meta?.length
          ? html`<span class="meta"
              >${o.meta.map((m) => html`<span class="badge">${m}</span>`)}</span
            >`
          : nothing
      }
    </button>`;
  }
}

/** Groups in order of first appearance; options without a group form an unnamed group. */
export function groupOptions(options: readonly ChoiceOption[]): Group[] {
  const groups = new Map<string | undefined, ChoiceOption[]>();
  for (const o of options) {
    const list = groups.get(o.group);
    if (list) list.push(o);
    else groups.set(o.group, [o]);
  }
  return [...groups].map(([name, opts]) => ({ name, options: opts }));
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-choice-step': PbChoiceStep;
  }
}
