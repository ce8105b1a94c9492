import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Appointment, AppointmentsOverview } from '../../api/types.js';
import { createFormat, type Format } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { accountStyles, placeText, statusBadge } from './account-parts.js';
import { errorAlert, loadingNote, skeletons } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';
import type { AppointmentFilter } from '../shared/view-events.js';

/**
 * @summary A signed-in patient's appointments: counts and the next appointment, upcoming / past
 * filter, a list of appointment cards, "Show more". Times are shown in the clinic's zone.
 *
 * After "Show more" has loaded, focus moves to the first new appointment (when it was on the
 * button); if an update removes the focused button otherwise, focus moves to the heading.
 *
 * @fires pb-filter - `{ filter }` when the other filter is chosen
 * @fires pb-open - `{ id }` of an appointment card (also the "next appointment" card)
 * @fires pb-more - "Show more" (not while `loadingMore`)
 * @fires pb-retry - the Retry button after an error
 * @fires pb-show - `{ view: 'booking' }` from "Book an appointment" when nothing is upcoming
 *
 * @csspart heading - the heading
 * @csspart error - the error box
 */
@customElementOnce('pb-appointments-step')
export class PbAppointmentsStep extends StepView {
  static override styles = [
    StepView.styles,
    accountStyles,
    css`
      .filter {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 0 0 1em;
      }
      .filter button {
        flex: 1 1 8em;
        border-color: var(--_border);
        color: var(--_text);
        font-weight: 400;
      }
      .filter button[aria-pressed='true'] {
        border-color: var(--_accent);
        background: var(--_tint);
        color: var(--_accent);
        font-weight: 600;
        box-shadow: inset 0 -3px 0 var(--_accent);
      }
      ul[part~='list'] {
        display: grid;
        gap: 0.5em;
      }
      .next {
        margin: 0 0 1.25em;
      }
      .next h3 {
        margin-top: 0;
      }
      .next .card {
        border-color: var(--_accent);
        border-left-width: 4px;
        background: var(--_tint);
      }
      .card-skeleton {
        height: 6em;
      }
      [part~='more'] {
        width: 100%;
        margin-top: 1em;
      }
    `,
  ];

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone; every time is shown in it. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** Counts and the next appointment; nothing is shown for them while absent. */
  @property({ attribute: false }) overview?: AppointmentsOverview;

  /** The appointments of the current filter, in the order to show; `undefined` while loading. */
  @property({ attribute: false }) appointments: Appointment[] | undefined;

  /** Which appointments are listed. */
  @property() filter: AppointmentFilter = 'upcoming';

  /** More appointments can be loaded ("Show more"). */
  @property({ type: Boolean, attribute: 'has-more' }) hasMore = false;

  /** True while more appointments load. */
  @property({ type: Boolean, attribute: 'loading-more' }) loadingMore = false;

  /** A message to show with a Retry button. */
  @property() error?: string;

  /** Number of appointments when "Show more" was pressed (focus moves to the next one). */
  private moreFrom?: number;
  private hadFocus = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter')) this.moreFrom = undefined;
    this.hadFocus = !!this.shadowRoot?.activeElement;
  }

  protected override updated(): void {
    const root = this.renderRoot as ShadowRoot;
    const active = root.activeElement;
    const from = this.moreFrom;
    if (from !== undefined && !this.loadingMore && (this.appointments?.length ?? 0) > from) {
      this.moreFrom = undefined;
      if (!active || active.matches('[part~="more"]')) {
        root.querySelectorAll<HTMLElement>('[part~="list"] [part~="appointment"]')[from]?.focus();
        return;
      }
    }
    if (this.hadFocus && !active) this.focusHeading();
  }

  private get format(): Format {
    return createFormat(this.locale, this.timeZone);
  }

  private setFilter(filter: AppointmentFilter): () => void {
    return () => {
      if (filter !== this.filter) this.emit('pb-filter', { filter });
    };
  }

  private onMore = (): void => {
    if (this.loadingMore) return;
    this.moreFrom = this.appointments?.length ?? 0;
    this.emit('pb-more', {});
  };

  private onRetry = (): void => this.emit('pb-retry', {});

  private onBook = (): void => this.emit('pb-show', { view: 'booking' });

  override render() {
    if (!this.t) return nothing;
    const a = this.t.account;
    const filterButton = (filter: AppointmentFilter, label: string) =>
      html`<button
        type="button"
        aria-pressed=${this.filter === filter ? 'true' : 'false'}
        @click=${this.setFilter(filter)}
      >
        ${label}
      </button>`;
    return html`<h2 part="heading" tabindex="-1">${a.appointments}</h2>
      ${this.renderOverview()}
      <div class="filter" part="filter" role="group" aria-label=${a.filter}>
        ${filterButton('upcoming', a.upcoming)} ${filterButton('past', a.past)}
      </div>
      ${this.error ? errorAlert(this.t, this.error, this.onRetry) : nothing} ${this.renderList()}`;
  }

  private renderOverview(): TemplateResult | typeof nothing {
    const o = this.overview;
    if (!o) return nothing;
    const a = this.t.account;
    return html`<p class="muted" part="counts">${a.counts(o.upcomingCount, o.pastCount)}</p>
      ${
        o.next
          ? html`<section class="next" part="next" aria-labelledby="next-heading">
              <h3 id="next-heading">${a.next}</h3>
              ${this.renderCard(o.next)}
            </section>`
          : nothing
      }`;
  }

  private renderList(): TemplateResult | typeof nothing {
    const a = this.t.account;
    const list = this.appointments;
    if (!list) {
      if (this.error) return nothing;
      return html`${loadingNote(this.t)}
        <ul class="plain" part="list" role="list" aria-busy="true">
          ${skeletons(3, 'card-skeleton')}
        </ul>`;
    }
    const upcoming = this.filter === 'upcoming';
    // The next appointment is shown above the list, not again in it.
    if (list.length === 0 && !this.hasMore && upcoming && this.overview?.next) return nothing;
    if (list.length === 0 && !this.hasMore) {
      return html`<div part="empty">
        <p>${upcoming ? a.emptyUpcoming : a.emptyPast}</p>
        ${
          upcoming
            ? html`<button type="button" class="primary" @click=${this.onBook}>${a.book}</button>`
            : nothing
        }
      </div>`;
    }
    const label = this.filter === 'upcoming' ? a.upcoming : a.past;
    return html`<ul class="plain" part="list" role="list" aria-label=${label}>
        ${list.map((item) => html`<li>${this.renderCard(item)}</li>`)}
      </ul>
      ${
        this.hasMore
          ? html`<button
              type="button"
              part="more"
              aria-disabled=${this.loadingMore ? 'true' : 'false'}
              aria-busy=${this.loadingMore ? 'true' : 'false'}
              @click=${this.onMore}
            >
              ${this.loadingMore ? this.t.common.loading : a.showMore}
            </button>`
          : nothing
      }`;
  }

  private renderCard(item: Appointment): TemplateResult {
    const fmt = this.format;
    const place = placeText(this.t, item);
    return html`<button
      type="button"
      class="card ${item.status}"
      part="appointment"
      data-id=${item.id}
      @click=${() => this.emit('pb-open', { id: item.id })}
    >
      <span class="name">${item.type.name}</span>
      <span class="when">
        <span class="line">${fmt.date(item.startsAt)}</span>
        <span class="line">${fmt.timeRange(item.startsAt, item.endsAt)}</span>
      </span>
      ${place ? html`<span class="muted">${place}</span>` : nothing} ${statusBadge(this.t, item)}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-appointments-step': PbAppointmentsStep;
  }
}
