import {
  css,
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { Appointment, Location } from '../../api/types.js';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';

/** "Mo., 23. Nov. 2026, 09:30" (clinic zone): the start of an appointment in one line. */
export function startText(fmt: Format, startsAt: Date): string {
  return `${fmt.date(startsAt)}, ${fmt.time(startsAt)}`;
}

/** Where an appointment takes place: "Videosprechstunde" or the location's name. */
export function placeText(t: Messages, a: Appointment, location?: Location): string {
  if (a.video) return t.common.video;
  return (location ?? a.location)?.name ?? '';
}

/** The action of the detail view that is under way (its button is busy, the others blocked). */
export type DetailBusy = 'cancel' | 'asap' | 'check' | 'video' | 'take' | null;

/** True while an appointment can still be acted on: confirmed and not yet started. */
export function isActive(a: Appointment, now = Date.now()): boolean {
  return a.status === 'confirmed' && a.startsAt.getTime() > now;
}

/** The status as text in a badge (never colour alone); a confirmed one that has ended is past. */
export function statusBadge(t: Messages, a: Appointment, now = Date.now()) {
  const status = a.status === 'confirmed' && a.endsAt.getTime() <= now ? 'past' : a.status;
  return html`<span class="badge status-${status}" part="status">
    ${t.account.statuses[status]}
  </span>`;
}

/** An action button: `aria-disabled` while any action runs, `aria-busy` while its own does. */
export function busyButton(
  busy: DetailBusy,
  /** The busy value that marks this button `aria-busy` (null: never). */
  action: DetailBusy,
  label: string,
  onClick: () => void,
  part: string,
  primary = false,
): TemplateResult {
  return html`<button
    type="button"
    class=${primary ? 'primary' : ''}
    part=${part}
    aria-disabled=${busy ? 'true' : 'false'}
    aria-busy=${action && busy === action ? 'true' : 'false'}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

/**
 * Keeps keyboard focus inside the element when an update removes the focused node (a button
 * that disappears after its action): focus then moves to `fallback()`, usually the heading.
 */
export class KeepFocus implements ReactiveController {
  private hadFocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.hadFocus = !!this.host.shadowRoot?.activeElement;
  }

  hostUpdated(): void {
    if (this.hadFocus && !this.host.shadowRoot?.activeElement) this.fallback()?.focus();
    this.hadFocus = false;
  }
}

/** Styles the account views share: status badges, appointment cards, notices. */
export const accountStyles = css`
  .status-confirmed {
    color: var(--_accent);
  }
  .status-cancelled {
    color: var(--_muted);
    border-style: dashed;
  }
  .status-past {
    color: var(--_muted);
  }
  .notice {
    margin: 0 0 1em;
    padding: 0.75em 1em;
    border: 1px solid var(--_accent);
    border-left-width: 4px;
    border-radius: var(--_radius);
  }
  .card {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    width: 100%;
    padding: 0.75em 1em;
    border-color: var(--_border);
    color: var(--_text);
    font-weight: 400;
    text-align: start;
    justify-items: start;
  }
  .card:hover {
    border-color: var(--_accent);
  }
  .card .name {
    font-weight: 600;
  }
  .card.cancelled .name,
  .card.cancelled .when {
    color: var(--_muted);
  }
  .card .line {
    display: block;
  }
`;
