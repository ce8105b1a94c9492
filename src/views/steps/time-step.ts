import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../core/decorators.js';
import { customElementOnce } from '../../core/define.js';
import type { Availability, Location } from '../../api/types.js';
import { createFormat, type Format } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { addDays, weekStart } from '../../time/calendar.js';
import { errorAlert, loadingNote, skeletons } from '../shared/parts.js';
import { StepView } from '../shared/step-view.js';
import { groupByDay, type Period } from './time-grouping.js';
import { renderEmpty } from './time-empty.js';
import { DateField, renderJumps } from './time-jump.js';
import { FOLD, renderDayTimes } from './time-list.js';
import { initialLocation, renderLocations, usedLocations } from './time-locations.js';
import { renderStrip } from './time-strip.js';
import { timeStyles } from './time-styles.js';
import { firstUsable, weekDays, weekRange, windowFor, windowHolds } from './time-week.js';
import { stripKeys, swipeStep } from './time-keys.js';
import { seekStep } from './time-seek.js';

/**
 * @summary The time step: a location first when the times use several, a week strip (Monday to
 * Sunday, days without times shown but disabled), "first free time" and a date field, then the
 * chosen day's times by part of the day, each part folded after a few. In the clinic's time zone.
 *
 * @fires pb-select - `{ id }` of the chosen availability
 * @fires pb-range - `{ from }`: load the window of days starting at that 'YYYY-MM-DD'
 * @fires pb-find-first - look for the first free time after an empty window
 * @fires pb-retry - the Retry button after an error
 *
 * @csspart heading - the step heading
 * @csspart day - a day tab
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

  /** Locations to name times by (the type's or all of the clinic's); several used: choose first. */
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

  /** The shown week's Monday. */
  @state() private week?: string;
  /** The day the user picked (kept across data refreshes while it still has times). */
  @state() private pickedDay?: string;
  @state() private locationId = '';
  @state() private open = new Set<Period>();
  /** "First free time" looks from this day on. */
  @state() private seekFrom?: string;
  @state() private announcement = '';

  /** The week follows the data until the patient moves it. */
  private autoWeek = true;
  private days = new Map<string, Availability[]>();
  private shownLocations: Location[] = [];
  private selectedIdDay?: string;
  /** Emitted after the update that decided it. */
  private pendingRange?: string;
  private focusAfter?: string;
  private swipe?: { x: number; y: number };
  private dateField = new DateField(this);

  protected override willUpdate(changed: PropertyValues): void {
    const fmt = this.format;
    const list = this.availabilities;
    if (changed.has('availabilities') || changed.has('locations')) {
      if (!this.locationId && list?.length) {
        this.locationId = initialLocation(this.locations, list, this.selectedId);
      }
      this.shownLocations = usedLocations(this.locations, list, this.locationId);
    }
    if (['availabilities', 'timeZone', 'locationId', 'locations'].some((k) => changed.has(k))) {
      this.regroup();
    }
    if (changed.has('selectedDay') && this.selectedDay) this.pickedDay = this.selectedDay;
    if (changed.has('selectedId') || changed.has('availabilities') || changed.has('timeZone')) {
      const chosen = list?.find((a) => a.id === this.selectedId);
      this.selectedIdDay = chosen ? fmt.dayKey(chosen.startsAt) : undefined;
    }
    const moved = changed.has('windowFrom') || changed.has('windowTo');
    if (moved && this.week && !this.holds(this.week) && this.pendingRange === undefined) {
      this.autoWeek = true;
    }
    if (this.autoWeek && this.windowFrom) this.week = weekStart(this.anchorDay());
    if (this.seekFrom) this.seek(this.seekFrom);
  }

  protected override updated(): void {
    const from = this.pendingRange;
    this.pendingRange = undefined;
    if (from !== undefined) this.emit('pb-range', { from });
    if (this.focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
      this.focusAfter = undefined;
    }
  }

  /** The loaded times by day, of the chosen location when the times use several. */
  private regroup(): void {
    const fmt = this.format;
    const filter = this.shownLocations.length > 1 ? this.locationId : undefined;
    this.days = groupByDay(this.availabilities ?? [], (d) => fmt.dayKey(d), filter);
  }

  private get format(): Format {
    return createFormat(this.locale, this.timeZone);
  }

  private holds(monday: string): boolean {
    return windowHolds(this.windowFrom, this.windowTo, monday, this.today);
  }

  /** The day the automatic week shows: picked, chosen, the first with times, or the window's first. */
  private anchorDay(): string {
    for (const day of [this.pickedDay, this.selectedIdDay]) {
      if (day && this.days.has(day)) return day;
    }
    return this.days.keys().next().value ?? firstUsable(this.windowFrom, this.today);
  }

  /** The shown week's days with times (none while it loads). */
  private get bookable(): string[] {
    if (!this.week || !this.availabilities || !this.holds(this.week)) return [];
    return weekDays(this.week).filter((d) => d >= this.today && this.days.has(d));
  }

  /** The shown day: picked or chosen if in the week and with times, else the week's first with times. */
  private get currentDay(): string | undefined {
    const week = this.bookable;
    return [this.pickedDay, this.selectedIdDay].find((d) => d && week.includes(d)) ?? week[0];
  }

  private goWeek(monday: string, day?: string): void {
    this.week = monday;
    this.autoWeek = false;
    this.pickedDay = day;
    this.open = new Set();
    if (!this.holds(monday)) this.pendingRange = windowFor(monday, this.today);
  }

  private get earlierDisabled(): boolean {
    const first = this.today || this.windowFrom;
    return !this.week || !first || this.week <= weekStart(first);
  }

  private onWeek = (step: -1 | 1): void => {
    if (!this.week || (step < 0 && this.earlierDisabled)) return;
    this.announcement = '';
    this.goWeek(addDays(this.week, 7 * step));
  };

  private onPick = (day: string): void => {
    this.pickedDay = day;
    this.open = new Set();
  };

  private onKey = (e: KeyboardEvent): void => {
    const move = stripKeys(e.key, this.bookable, this.currentDay);
    if (!move) return;
    e.preventDefault();
    if (move.week) {
      this.onWeek(move.week);
      this.focusAfter = '[part~="day"][tabindex="0"]';
    } else if (move.day) {
      this.onPick(move.day);
      this.focusAfter = `[data-day="${move.day}"]`;
    }
  };

  private onPointerDown = (e: PointerEvent): void => {
    this.swipe = { x: e.clientX, y: e.clientY };
  };

  private onPointerUp = (e: PointerEvent): void => {
    const step = this.swipe && swipeStep(this.swipe, e);
    this.swipe = undefined;
    if (step) this.onWeek(step);
  };

  private onLocation = (id: string): void => {
    this.locationId = id;
    this.pickedDay = undefined;
    this.open = new Set();
  };

  private onFirstFree = (): void => {
    this.announcement = '';
    this.seekFrom = this.today || this.windowFrom;
    this.seek(this.seekFrom);
  };

  /** One step of "first free time" from `from` (see {@link seekStep}). */
  private seek(from: string): void {
    const fmt = this.format;
    const step = seekStep(from, {
      loaded: !!this.availabilities && this.holds(weekStart(from)),
      times: this.availabilities ?? [],
      days: this.days.keys(),
      dayKey: (d) => fmt.dayKey(d),
      firstAvailable: this.firstAvailable,
    });
    if (step.kind === 'load') {
      if (this.week !== weekStart(from) || this.autoWeek) this.goWeek(weekStart(from));
    } else if (step.kind === 'follow') {
      this.seekFrom = step.from;
      this.goWeek(weekStart(step.from), step.from);
    } else if (step.kind === 'found') {
      this.seekFrom = undefined;
      if (step.locationId && step.locationId !== this.locationId) {
        this.locationId = step.locationId;
        this.regroup();
      }
      this.goWeek(weekStart(step.day), step.day);
      this.announcement = this.t.time.firstFreeFound(fmt.plainLongDay(step.day));
    } else if (step.kind === 'none') {
      this.seekFrom = undefined;
    }
  }

  private onDate = (value: string): void => {
    const day = this.dateField.submit(value, this.today || this.windowFrom);
    if (!day) return;
    this.announcement = '';
    this.goWeek(weekStart(day), day);
  };

  private onRetry = (): void => this.emit('pb-retry', {});

  override render() {
    if (!this.t) return nothing;
    return html`<h2 part="heading" tabindex="-1">${this.heading || this.t.time.heading}</h2>
      ${this.error ? errorAlert(this.t, this.error, this.onRetry) : this.renderSteps()}`;
  }

  private renderSteps(): TemplateResult {
    const t = this.t;
    const fmt = this.format;
    if (!this.week) {
      return html`${loadingNote(t)}
        <ul class="plain" part="days" role="list" aria-busy="true">
          ${skeletons(7, 'day-skeleton')}
        </ul>`;
    }
    const loaded = !!this.availabilities && this.holds(this.week);
    const current = this.currentDay;
    return html`${
      this.shownLocations.length > 1
        ? renderLocations(t, this.shownLocations, this.locationId, this.onLocation)
        : nothing
    }
    ${renderStrip(t, fmt, {
      monday: this.week,
      range: weekRange(this.locale, this.week),
      today: this.today,
      loaded,
      days: this.days,
      current,
      earlierDisabled: this.earlierDisabled,
      onWeek: this.onWeek,
      onPick: this.onPick,
      onKey: this.onKey,
      onPointerDown: this.onPointerDown,
      onPointerUp: this.onPointerUp,
    })}
    ${renderJumps(t, fmt, {
      ...DateField.range(this.today || this.windowFrom),
      dateOpen: this.dateField.open,
      dateInvalid: this.dateField.invalid,
      seeking: !!this.seekFrom,
      announcement: this.announcement,
      onFirstFree: this.onFirstFree,
      onToggleDate: () => this.dateField.toggle(),
      onDate: this.onDate,
    })}
    ${loaded ? this.renderDay(current) : loadingNote(t)}`;
  }

  private renderDay(day: string | undefined): TemplateResult {
    const t = this.t;
    const fmt = this.format;
    if (this.availabilities?.length === 0) {
      return renderEmpty(t, fmt, {
        from: this.windowFrom,
        to: this.windowTo,
        firstAvailable: this.firstAvailable,
        searching: this.searching,
        onFindFirst: () => this.emit('pb-find-first', {}),
        onJump: (date) => this.goWeek(weekStart(date), date),
      });
    }
    if (!day) return html`<p class="week-empty" part="week-empty">${t.time.weekEmpty}</p>`;
    return renderDayTimes(t, fmt, {
      day,
      times: this.days.get(day) ?? [],
      zoneNote: this.visitorTimeZone !== this.timeZone,
      selectedId: this.selectedId,
      open: this.open,
      onSelect: (id) => this.emit('pb-select', { id }),
      onMore: (period) => this.onMore(period),
    });
  }

  /** Unfolds a part of the day; focus goes to the first time it revealed. */
  private onMore(period: Period): void {
    this.open = new Set([...this.open, period]);
    this.focusAfter = `[data-period="${period}"] li:nth-child(${FOLD + 1}) button`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-time-step': PbTimeStep;
  }
}
