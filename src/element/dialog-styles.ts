/**
 * The dialog's look (popup and floating modes): at most as wide as the inline widget, centred
 * across and held at the top on a wide screen (a step that grows extends it downwards: nothing
 * the patient is about to click moves), the whole screen on a phone; the close button stays at
 * the top while the step scrolls. Colours are the root's theme (`root-styles.ts`).
 */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    width: min(100% - 2em, var(--patient-booking-max-width, 40em));
    max-width: none;
    max-height: calc(100% - min(6vh, 3em) - 1em);
    margin: min(6vh, 3em) auto auto;
    padding: 0 var(--patient-booking-padding, 1em) var(--patient-booking-padding, 1em);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--patient-booking-radius, 0.75em);
    overscroll-behavior: contain;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding: 0.5em 0;
    background: var(--_surface);
  }
  .close {
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--patient-booking-radius, 0.5em);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  /* Phones: the whole screen, clear of notches and the home indicator. */
  @media (max-width: 40em) {
    dialog {
      width: 100%;
      height: 100%;
      max-height: none;
      margin: 0;
      border: 0;
      border-radius: 0;
      padding-top: env(safe-area-inset-top);
      padding-bottom: max(var(--patient-booking-padding, 1em), env(safe-area-inset-bottom));
    }
  }
`;
