import { html, nothing, type TemplateResult } from 'lit';
import type { Availability } from '../../api/types.js';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { plainToUtcNoon } from '../../time/calendar.js';
import { groupByPeriod, type Period } from './time-grouping.js';
import { dayTabId } from './time-strip.js';

/**
 * Times a part of the day shows before "More times": two rows of four at 375 px (three of three
 * at 320 px), so a day with every part full stays within two phone screens, location choice
 * included (the component test measures it).
 */
export const FOLD = 8;

export interface DayTimes {
  day: string;
  times: readonly Availability[];
  /** Name the clinic's zone (the visitor is in another). */
  zoneNote: boolean;
  selectedId: string | undefined;
  /** Parts of the day the patient unfolded. */
  open: ReadonlySet<Period>;
  onSelect: (id: string) => void;
  onMore: (period: Period) => void;
}

/**
 * The times of one day, the panel of its day tab: under "Morning / Afternoon / Evening", each
 * part showing {@link FOLD} times and a "More times (n)" button for the rest. A part holding the
 * chosen time shows it unfolded.
 */
export function renderDayTimes(t: Messages, fmt: Format, d: DayTimes): TemplateResult {
  const clock = (x: Date) => fmt.time(x);
  const zoneAt = d.times[0]?.startsAt ?? plainToUtcNoon(d.day);
  return html`<div id="times-panel" role="tabpanel" aria-labelledby=${dayTabId(d.day)}>
    ${
      d.zoneNote
        ? html`<p class="muted" part="zone-note">
            ${t.time.zoneNote(fmt.timeZone, fmt.zoneName(zoneAt))}
          </p>`
        : nothing
    }
    <h3 id="times-heading">${t.time.timesHeading(fmt.plainLongDay(d.day))}</h3>
    ${groupByPeriod(d.times, clock).map(({ period, times }) => {
      const chosenAt = times.findIndex((a) => a.id === d.selectedId);
      const all = d.open.has(period) || times.length <= FOLD || chosenAt >= FOLD;
      const shown = all ? times : times.slice(0, FOLD);
      return html`<section class="period" part="period" data-period=${period}>
        <h4 id="period-${period}">
          ${t.time.periods[period]} <span class="muted">(${times.length})</span>
        </h4>
        <ul class="plain" part="times" role="list" aria-labelledby="period-${period}">
          ${shown.map(
            (a) =>
              html`<li>
                <button
                  type="button"
                  part="time"
                  aria-pressed=${a.id === d.selectedId ? 'true' : 'false'}
                  @click=${() => d.onSelect(a.id)}
                >
                  ${clock(a.startsAt)}
                </button>
              </li>`,
          )}
        </ul>
        ${
          all
            ? nothing
            : html`<button
                type="button"
                class="more"
                part="more-times"
                @click=${() => d.onMore(period)}
              >
                ${t.time.moreTimes(times.length - FOLD)}
              </button>`
        }
      </section>`;
    })}
  </div>`;
}
