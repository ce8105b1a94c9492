import { html, nothing, type TemplateResult } from 'lit';
import type { Availability } from '../../api/types.js';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { weekDays } from './time-week.js';

export interface Strip {
  /** The week's Monday. */
  monday: string;
  /** "23.–29. Nov. 2026" */
  range: string;
  today: string;
  /** The week's times are loaded (else the days show as loading). */
  loaded: boolean;
  days: ReadonlyMap<string, readonly Availability[]>;
  /** The day whose times are shown, if any. */
  current: string | undefined;
  earlierDisabled: boolean;
  onWeek: (step: -1 | 1) => void;
  onPick: (day: string) => void;
  onKey: (e: KeyboardEvent) => void;
  onPointerDown: (e: PointerEvent) => void;
  onPointerUp: (e: PointerEvent) => void;
}

/** A day's tab id (its times panel points back at it). */
export const dayTabId = (day: string) => `day-${day}`;

/**
 * Previous / next week around the week's dates, then the week's seven days as tabs (Monday
 * first). A day without times stays visible but is `aria-disabled` and out of the arrow keys'
 * way; only the shown day is in the tab order (roving tabindex).
 */
export function renderStrip(t: Messages, fmt: Format, s: Strip): TemplateResult {
  const week = weekDays(s.monday);
  const focusable = s.current ?? week.find((d) => s.loaded && d >= s.today && s.days.has(d));
  return html`<div class="week" part="week">
      <button
        type="button"
        class="step"
        part="previous-week"
        aria-disabled=${s.earlierDisabled ? 'true' : 'false'}
        @click=${() => s.onWeek(-1)}
      >
        <span aria-hidden="true">‹</span><span class="vh">${t.time.previousWeek}</span>
      </button>
      <p class="range" part="range" aria-live="polite">${s.range}</p>
      <button type="button" class="step" part="next-week" @click=${() => s.onWeek(1)}>
        <span aria-hidden="true">›</span><span class="vh">${t.time.nextWeek}</span>
      </button>
    </div>
    <div
      class="days"
      part="days"
      role="tablist"
      aria-label=${t.time.daysLabel(s.range)}
      aria-busy=${s.loaded ? 'false' : 'true'}
      @keydown=${s.onKey}
      @pointerdown=${s.onPointerDown}
      @pointerup=${s.onPointerUp}
    >
      ${week.map((day) => {
        const times = s.loaded && day >= s.today ? s.days.get(day) : undefined;
        const label = fmt.dayLabel(day);
        const selected = day === s.current;
        return html`<button
          type="button"
          role="tab"
          part="day"
          id=${dayTabId(day)}
          data-day=${day}
          class=${s.loaded ? '' : 'loading'}
          aria-selected=${selected ? 'true' : 'false'}
          aria-disabled=${times ? 'false' : 'true'}
          aria-controls=${selected ? 'times-panel' : nothing}
          tabindex=${day === focusable ? '0' : '-1'}
          @click=${() => times && s.onPick(day)}
        >
          <span class="weekday">${label.weekday}</span>
          <span class="date">${label.day}</span>
          <span class="count" aria-hidden="true">${times ? times.length : '–'}</span>
          <span class="vh"
            >${label.month},
            ${times ? t.time.timesCount(times.length) : s.loaded ? t.time.noTimes : ''}</span
          >
        </button>`;
      })}
    </div>`;
}
