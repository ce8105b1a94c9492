import { html, nothing, type TemplateResult } from 'lit';
import type { Format } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';

export interface EmptyWindow {
  from: string;
  to: string;
  firstAvailable: { date: string } | null | undefined;
  searching: boolean;
  onFindFirst: () => void;
  onJump: (from: string) => void;
}

/**
 * "No free times from … to …", then: a button to search the first free time; while searching a
 * status; the result as a button that jumps there, or "none in the next months".
 */
export function renderEmpty(t: Messages, fmt: Format, w: EmptyWindow): TemplateResult {
  const range = w.from && w.to ? t.time.emptyRange(fmt.plainDate(w.from), fmt.plainDate(w.to)) : '';
  const found = w.firstAvailable;
  let action: TemplateResult | typeof nothing = nothing;
  if (found === null) {
    action = html`<p class="none">${t.time.noneAvailable}</p>`;
  } else if (found) {
    action = html`<button type="button" class="primary" @click=${() => w.onJump(found.date)}>
      ${t.time.nextAvailable(fmt.plainDate(found.date))}
    </button>`;
  } else {
    action = html`<button
      type="button"
      class="primary"
      aria-disabled=${w.searching ? 'true' : 'false'}
      aria-busy=${w.searching ? 'true' : 'false'}
      @click=${() => {
        if (!w.searching) w.onFindFirst();
      }}
    >
      ${t.time.findFirst}
    </button>`;
  }
  return html`<div part="empty" class="empty">
    <p>${range}</p>
    ${action}
    <p class="muted" role="status">${w.searching ? t.time.searching : ''}</p>
  </div>`;
}
