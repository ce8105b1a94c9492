import { html, type TemplateResult } from 'lit';
import type { Availability, Location } from '../../api/types.js';
import type { Messages } from '../../i18n/messages.js';

/** The locations the times use, in the catalogue's order. */
export function usedLocations(
  locations: readonly Location[],
  times: readonly Availability[] | undefined,
  chosen: string,
): Location[] {
  const used = new Set(times?.map((a) => a.locationId));
  return locations.filter((l) => used.has(l.id) || l.id === chosen);
}

/**
 * The location a type with several starts at: the chosen time's, else the earliest time's (the
 * times are any order), else the first.
 */
export function initialLocation(
  locations: readonly Location[],
  times: readonly Availability[],
  selectedId: string | undefined,
): string {
  const chosen = times.find((a) => a.id === selectedId);
  const earliest = times.reduce<Availability | undefined>(
    (best, a) => (a.locationId && (!best || a.startsAt < best.startsAt) ? a : best),
    undefined,
  );
  return chosen?.locationId ?? earliest?.locationId ?? locations[0]?.id ?? '';
}

/** "Location": one radio button per location, above the week (shown only when there are several). */
export function renderLocations(
  t: Messages,
  locations: readonly Location[],
  chosen: string,
  onChoose: (id: string) => void,
): TemplateResult {
  return html`<fieldset class="locations" part="locations">
    <legend>${t.time.location}</legend>
    ${locations.map(
      (l) =>
        html`<label class="location">
          <input
            type="radio"
            name="location"
            .value=${l.id}
            .checked=${l.id === chosen}
            @change=${() => onChoose(l.id)}
          />
          <span>${l.name}</span>
        </label>`,
    )}
  </fieldset>`;
}
