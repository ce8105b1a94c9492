import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Availability, Location } from '../../api/types.js';
import { createFormat, type Format } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { addDays, daysBetween, plainToUtcNoon } from '../../time/calendar.js';
import { errorAlert, loadingNote, skeletons } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';
import { groupByDay } from './time-grouping.js';
import { renderEmpty } from './time-empty.js';
import { timeStyles } from './time-styles.js';

/**
 * @summary The time step: a window of days with free times, then the times of one day.
 * Times are shown in the clinic's time zone. Only the chosen day's times are rendered.
 *
 * @fires pb-select - `{ id }` of the chosen availability
 * @fires pb-range - `{ from }`: load the window of days starting at that 'YYYY-MM-DD'
 * @fires pb-find-first - look for the first free time after an empty window
 * @fires pb-retry - the Retry button after an error
 *
 * @csspart heading - the step heading
 * @csspart day - a day button
 * @csspart time - a time button
 * @csspart error - the error box
 */
@customElementOnce('pb-time-step')
export class PbTimeStep extends StepView {
  static override styles = [StepView.styles, timeStyles];

  /** Overrides the default heading (e.g. "Choose a new time" when rescheduling). */
  @property() heading?: string;

  /** Language of dates and times. */
  @property() locale: Locale = 'de';

  /** The clinic's IANA time zone; every time is shown in it. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** The visitor's time zone; a note names the clinic's zone when they differ. */
  @property({ attribute: 'visitor-time-zone' }) visitorTimeZone =
    Intl.DateTimeFormat().resolvedOptions().timeZone;

  /** First day of the loaded window, 'YYYY-MM-DD'. */
  @property({ attribute: 'window-from' }) windowFrom = '';

  /** Last day of the loaded window (inclusive), 'YYYY-MM-DD'. */
  @property({ attribute: 'window-to' }) windowTo = '';

  /** Free times of the window, any order; `undefined` while loading. */
  @property({ attribute: false }) availabilities: Availability[] | undefined;

  /**
   * Locations to name times by (the type's or all of the clinic's). When the loaded times use
   * more than one of them: a location filter and a label per time.
   */
  @property({ attribute: false }) locations: Location[] = [];

  /** A day to show first ('YYYY-MM-DD'), if it has times. */
  @property({ attribute: 'selected-day' }) selectedDay?: string;

  /** The availability chosen before; its day is shown when no other day was picked. */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** First-available search result: a date, `null` (none within the bound), `undefined` (not searched). */
  @property({ attribute: false }) firstAvailable: { date: string } | null | undefined;

  /** True while the first-available search runs. */
  @property({ type: Boolean }) searching = false;

  /** A message to show with a Retry button instead of the days. */
  @property() error?: string;

  /** The clinic's today, 'YYYY-MM-DD': no earlier window than this. */
  @property() today = '';

  /** The day the user picked (kept across data refreshes while it still has times). */
  @state() private pickedDay?: string;

  /** Location filter ('' = all). */
  @state() private locationId = '';

  private days = new Map<string, Availability[]>();
  /** The locations the loaded times use; a filter and labels only when there are several. */
  private shownLocations: Location[] = [];
  private selectedIdDay?: string;

  protected override willUpdate(changed: PropertyValues): void {
    const fmt = this.format;
    if (changed.has('availabilities') || changed.has('locations')) {
      const used = new Set(this.availabilities?.map((a) => a.locationId));
      this.shownLocations = this.locations.filter((l) => used.has(l.id));
      if (!this.shownLocations.some((l) => l.id === this.locationId)) this.locationId = '';
    }
    if (
      changed.has('availabilities') ||
      changed.has('timeZone') ||
      changed.has('locationId') ||
      changed.has('locations')
    ) {
      const filter = this.shownLocations.length > 1 ? this.locationId : '';
      this.days = groupByDay(this.availabilities ?? [], (d) => fmt.dayKey(d), filter || undefined);
    }
    if (changed.has('selectedDay') && this.selectedDay) this.pickedDay = this.selectedDay;
    if (changed.has('selectedId') || changed.has('availabilities') || changed.has('timeZone')) {
      const chosen = this.availabilities?.find((a) => a.id === this.selectedId);
      this.selectedIdDay = chosen ? fmt.dayKey(chosen.startsAt) : undefined;
    }
  }

  private get format(): Format {
    return createFormat(this.locale, this.timeZone);
  }

  /** The day whose times are shown: picked, else the chosen time's, else the first with times. */
  private get currentDay(): string | undefined {
    for (const day of [this.pickedDay, this.selectedIdDay]) {
      if (day && this.days.has(day)) return day;
    }
    return this.days.keys().next().value;
  }

  private get earlierDisabled(): boolean {
    return !this.windowFrom || (!!this.today && this.windowFrom <= this.today);
  }

  private onEarlier = (): void => {
    if (this.earlierDisabled) return;
    const size = daysBetween(this.windowFrom, this.windowTo) + 1;
    const from = addDays(this.windowFrom, -size);
    this.emit('pb-range', { from: this.today && from < this.today ? this.today : from });
  };

  private onLater = (): void => {
    if (this.windowTo) this.emit('pb-range', { from: addDays(this.windowTo, 1) });
  };

  private onLocation = (e: Event): void => {
    this.locationId = (e.target as HTMLSelectElement).value;
  };

  private onRetry = (): void => this.emit('pb-retry', {});

  override render() {
    if (!this.t) return nothing;
    return html`<h2 part="heading" tabindex="-1">${this.heading || this.t.time.heading}</h2>
      ${this.renderNav()} ${this.renderBody()}`;
  }

  private renderNav(): TemplateResult {
    const t = this.t.time;
    const fmt = this.format;
    const range =
      this.windowFrom && this.windowTo
        ? t.range(fmt.plainDate(this.windowFrom), fmt.plainDate(this.windowTo))
        : '';
    return html`<div class="nav" part="nav">
      <button
        type="button"
        aria-disabled=${this.earlierDisabled ? 'true' : 'false'}
        @click=${this.onEarlier}
      >
        <span aria-hidden="true">‹</span> ${t.earlier}
      </button>
      <p class="range" part="range" aria-live="polite">${range}</p>
      <button type="button" @click=${this.onLater}>
        ${t.later} <span aria-hidden="true">›</span>
      </button>
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (this.error) return errorAlert(this.t, this.error, this.onRetry);
    if (!this.availabilities) {
      return html`${loadingNote(this.t)}
        <ul class="plain" part="days" role="list" aria-busy="true">
          ${skeletons(8, 'day-skeleton')}
        </ul>`;
    }
    const day = this.currentDay;
    return html`${this.renderLocationFilter()}
    ${
      day
        ? html`${this.renderDays(day)} ${this.renderTimes(day)}`
        : renderEmpty(this.t, this.format, {
            from: this.windowFrom,
            to: this.windowTo,
            firstAvailable: this.firstAvailable,
            searching: this.searching,
            onFindFirst: () => this.emit('pb-find-first', {}),
            onJump: (from) => this.emit('pb-range', { from }),
          })
    }`;
  }

  private renderLocationFilter(): TemplateResult | typeof nothing {
    if (this.shownLocations.length < 2) return nothing;
    const t = this.t.time;
    return html`<div class="filter" part="location-filter">
      <label for="location">${t.location}</label>
      <select id="location" @change=${this.onLocation}>
        <option value="" ?selected=${this.locationId === ''}>${t.allLocations}</option>
        ${this.shownLocations.map(
          (l) =>
            html`<option value=${l.id} ?selected=${this.locationId === l.id}>${l.name}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderDays(current: string): TemplateResult {
    const fmt = this.format;
    return html`<ul class="plain" part="days" role="list" aria-label=${this.t.time.daysLabel}>
      ${[...this.days].map(([day, times]) => {
        const label = fmt.dayLabel(day);
        return html`<li>
          <button
            type="button"
            part="day"
            data-day=${day}
            aria-pressed=${day === current ? 'true' : 'false'}
            @click=${() => (this.pickedDay = day)}
          >
            <span class="weekday">${label.weekday}</span>
            <span class="date">${label.day}</span>
            <span class="month">${label.month}</span>
            <span class="count">${this.t.time.timesCount(times.length)}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private renderTimes(day: string): TemplateResult {
    const fmt = this.format;
    const times = this.days.get(day) ?? [];
    const names = new Map(this.shownLocations.map((l) => [l.id, l.name]));
    const showLocation = this.shownLocations.length > 1;
    const zoneAt = times[0]?.startsAt ?? plainToUtcNoon(day);
    return html`<h3 id="times-heading">${this.t.time.timesHeading(fmt.plainLongDay(day))}</h3>
      ${
        this.visitorTimeZone !== this.timeZone
          ? html`<p class="muted" part="zone-note">
              ${this.t.time.zoneNote(this.timeZone, fmt.zoneName(zoneAt))}
            </p>`
          : nothing
      }
      <ul
        class="plain ${showLocation ? 'with-location' : ''}"
        part="times"
        role="list"
        aria-labelledby="times-heading"
      >
        ${times.map(
          (a) =>
            html`<li>
              <button
                type="button"
                part="time"
                aria-pressed=${a.id === this.selectedId ? 'true' : 'false'}
                @click=${() => this.emit('pb-select', { id: a.id })}
              >
                <span class="clock">${fmt.time(a.startsAt)}</span>
                ${
                  showLocation && a.locationId && names.has(a.locationId)
                    ? html` <span class="location">${names.get(a.locationId)}</span>`
                    : nothing
                }
              </button>
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-time-step': PbTimeStep;
  }
}
