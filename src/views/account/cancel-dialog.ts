/** The modal dialog that asks before an appointment is cancelled ("Keep" has the focus). */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';

export interface CancelDialogHandlers {
  onClose: () => void;
  onKeep: () => void;
  onConfirm: () => void;
}

/** `start`: the appointment's start in one line, as the question names it. */
export function renderCancelDialog(
  t: Messages,
  start: string,
  on: CancelDialogHandlers,
): TemplateResult {
  const a = t.account;
  return html`<dialog
    part="dialog"
    aria-labelledby="cancel-title"
    aria-describedby="cancel-note"
    @close=${on.onClose}
  >
    <h3 id="cancel-title" part="dialog-heading">${a.cancelQuestion(start)}</h3>
    <p id="cancel-note">${a.cancelNote}</p>
    <div class="actions">
      <button type="button" part="cancel-keep" autofocus @click=${on.onKeep}>
        ${a.cancelKeep}
      </button>
      <button type="button" class="danger" part="cancel-confirm" @click=${on.onConfirm}>
        ${a.cancelYes}
      </button>
    </div>
  </dialog>`;
}
