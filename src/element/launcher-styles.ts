/**
 * The popup and floating modes' opener (`launcher.ts`): the element is only its button, not the
 * inline widget's card. Floating: fixed in the bottom right corner, clear of the safe areas.
 */
import { css } from 'lit';

export const launcherStyles = css`
  :host([mode='popup']),
  :host([mode='floating']) {
    display: inline-block;
    padding: 0;
    border: 0;
    background: none;
  }
  /* Floating: no box in the page's flow at all, only the fixed button. */
  :host([mode='floating']) {
    display: contents;
  }
  .opener {
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    font: inherit;
    font-weight: 600;
    color: var(--_accent-text);
    background: var(--_accent);
    border: 0;
    border-radius: var(--patient-booking-radius, 0.75em);
  }
  .floating {
    position: fixed;
    right: max(0.75em, env(safe-area-inset-right));
    bottom: max(0.75em, env(safe-area-inset-bottom));
    z-index: 2147483000;
    box-shadow: 0 0.25em 1em #0006;
  }
`;
