/** "Join video consultation" with its note, for a confirmed video appointment not yet ended. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Appointment } from '../../api/types.js';
import type { Messages } from '../../i18n/messages.js';
import type { DetailBusy } from './account-parts.js';

export function renderVideoJoin(
  t: Messages,
  ap: Appointment,
  busy: DetailBusy,
  onJoin: () => void,
): TemplateResult | typeof nothing {
  if (!ap.video || ap.status !== 'confirmed' || ap.endsAt.getTime() <= Date.now()) return nothing;
  const a = t.account;
  return html`<div class="video">
    <button
      type="button"
      class="primary"
      part="video"
      aria-describedby="video-note"
      aria-disabled=${busy ? 'true' : 'false'}
      aria-busy=${busy === 'video' ? 'true' : 'false'}
      @click=${onJoin}
    >
      ${a.videoJoin}
    </button>
    <p id="video-note" class="muted">${a.videoNote}</p>
  </div>`;
}
