/**
 * The details form's two lines beyond the patient's data: the optional note to the practice
 * (a textarea with a count of the characters left) and the privacy line under the form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { StepMessages } from '../../i18n/messages.js';

/** The note's limit: a few sentences (the browser stops typing and pasting at it). */
export const NOTE_MAX_LENGTH = 500;

/** From this many characters left, the count is also announced (politely). */
const ANNOUNCE_BELOW = 50;

type DetailsMessages = StepMessages['details'];

/** The note field (`#f-note`); what it holds reaches the form through its input events. */
export function renderNote(d: DetailsMessages, optional: string, note: string): TemplateResult {
  const left = NOTE_MAX_LENGTH - note.length;
  const count = d.note.left(left, NOTE_MAX_LENGTH);
  return html`<div part="field" class="field">
    <label for="f-note">${d.note.label} <span class="muted">(${optional})</span></label>
    <p id="f-note-hint" class="muted hint">${d.note.hint}</p>
    <textarea
      id="f-note"
      rows="3"
      maxlength=${NOTE_MAX_LENGTH}
      autocomplete="off"
      .value=${live(note)}
      aria-describedby="f-note-hint f-note-count"
    ></textarea>
    <p id="f-note-count" class="muted hint count">${count}</p>
    <p class="vh" aria-live="polite">${left <= ANNOUNCE_BELOW ? count : ''}</p>
  </div>`;
}

/** "Your details go to the practice", with the practice's privacy notice when configured. */
export function renderPrivacy(d: DetailsMessages, url: string | undefined) {
  const link = url
    ? html` <a href=${url} target="_blank" rel="noopener noreferrer"
        >${d.privacy.link}<span class="vh"> ${d.privacy.newWindow}</span></a
      >`
    : nothing;
  return html`<p class="muted privacy" part="privacy">${d.privacy.notice}${link}</p>`;
}
