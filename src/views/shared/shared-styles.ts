import { css } from 'lit';

/**
 * What the root and every view share: hidden, box sizing, focus rings, the screen-reader-only
 * text (`.vh`) and the skeleton blocks of a loading state. The root has it too (`styles.ts`).
 */
export const baseStyles = css`
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus {
    outline: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius, 8px);
    background: color-mix(in srgb, var(--_border) 30%, var(--_surface));
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pb-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pb-pulse {
    50% {
      opacity: 0.45;
    }
  }
`;

/**
 * Styles every step view shares. Colours come only from the root's `--patient-booking-*`
 * custom properties (light and dark themes set them); the fallbacks make a view readable alone.
 * `--_*` are private aliases.
 */
export const sharedStyles = css`
  ${baseStyles}
  :host {
    --_accent: var(--patient-booking-accent, #0b5cad);
    --_text: var(--patient-booking-text, #1b1f24);
    --_muted: var(--patient-booking-muted, #545d68);
    --_surface: var(--patient-booking-surface, #ffffff);
    --_border: var(--patient-booking-border, #747d88);
    --_radius: var(--patient-booking-radius, 8px);
    --_danger: var(--patient-booking-danger, #b42318);
    --_focus: var(--patient-booking-focus-color, var(--patient-booking-accent, #0b5cad));
    --_tint: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    display: block;
    min-width: 0;
    color: var(--_text);
    font-family: var(--patient-booking-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    line-height: 1.45;
    /* Long German words hyphenate in the widget's language (the root sets lang), else wrap. */
    hyphens: auto;
    overflow-wrap: anywhere;
  }
  h2 {
    margin: 0 0 1em;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h3 {
    margin: 1.25em 0 0.5em;
    font-size: 1em;
  }
  p {
    margin: 0 0 0.75em;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  button,
  .button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  button:hover,
  .button:hover {
    background: var(--_tint);
  }
  button.primary,
  .button.primary {
    background: var(--_accent);
    color: var(--_surface);
  }
  button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: 1.25em;
  }
  .muted {
    color: var(--_muted);
  }
  .alert {
    margin: 0 0 1em;
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    color: var(--_text);
  }
  .alert p {
    margin: 0;
  }
  .alert button {
    margin-top: 0.75em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 500;
  }
`;
