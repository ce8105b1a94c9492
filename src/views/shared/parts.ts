import { html, nothing, type TemplateResult } from 'lit';
import type { CoreMessages } from '../../i18n/messages.js';

/** An error the user can act on, with an optional Retry button. */
export function errorAlert(t: CoreMessages, message: string, onRetry?: () => void): TemplateResult {
  return html`<div class="alert" part="error" role="alert">
    <p>${message}</p>
    ${
      onRetry
        ? html`<button type="button" part="retry" @click=${onRetry}>${t.common.retry}</button>`
        : nothing
    }
  </div>`;
}

/** A screen-reader-only "Loading …" next to skeletons. */
export function loadingNote(t: CoreMessages): TemplateResult {
  return html`<p class="vh" role="status">${t.common.loading}</p>`;
}

/** `count` skeleton blocks of the given class. */
export function skeletons(count: number, className: string): TemplateResult[] {
  return Array.from(
    { length: count },
    () => html`<li><span class="skeleton ${className}"></span></li>`,
  );
}
