/**
 * The root's styles and theme. Hosts theme the widget with `--patient-booking-*` custom properties
 * on the element (or any ancestor) and with `::part(…)`. Light by default, whatever the visitor's
 * system (a practice's site is light more often than not); `theme="dark"`, or `theme="auto"` to
 * follow `prefers-color-scheme`.
 */
import { css } from 'lit';
import { baseStyles } from '../views/shared/shared-styles.js';

const light = css`
  --_accent: var(--patient-booking-accent, #0b6e69);
  --_accent-text: var(--patient-booking-accent-text, #ffffff);
  --_text: var(--patient-booking-text, #1c2424);
  --_muted: var(--patient-booking-muted, #4f5d5d);
  --_surface: var(--patient-booking-surface, #ffffff);
  --_border: var(--patient-booking-border, #b9c4c4);
  --_danger: var(--patient-booking-danger, #b3261e);
  --_focus: var(--patient-booking-focus-color, #1a56db);
`;

const dark = css`
  --_accent: var(--patient-booking-accent, #5cc8c0);
  --_accent-text: var(--patient-booking-accent-text, #0d1717);
  --_text: var(--patient-booking-text, #e8eeee);
  --_muted: var(--patient-booking-muted, #a9b8b8);
  --_surface: var(--patient-booking-surface, #151c1c);
  --_border: var(--patient-booking-border, #4a5959);
  --_danger: var(--patient-booking-danger, #ffb4ab);
  --_focus: var(--patient-booking-focus-color, #9cc1ff);
`;

/** The root's styles, after the base it shares with the views. */
export const rootStyles = [
  baseStyles,
  css`
    :host {
      ${light}
      display: block;
      box-sizing: border-box;
      max-width: var(--patient-booking-max-width, 40em);
      min-width: 0;
      color: var(--_text);
      background: var(--_surface);
      font-family: var(
        --patient-booking-font,
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        sans-serif
      );
      font-size: var(--patient-booking-font-size, 16px);
      line-height: 1.5;
      border: 1px solid var(--_border);
      border-radius: var(--patient-booking-radius, 0.75em);
      padding: var(--patient-booking-padding, 1em);
      color-scheme: light;
    }
    /*
   * The resolved theme, handed to the leaf views under the public names. Set one level below the
   * host: on the host itself these would refer to each other and cancel out (a cycle).
   */
    section {
      --patient-booking-accent: var(--_accent);
      --patient-booking-accent-text: var(--_accent-text);
      --patient-booking-text: var(--_text);
      --patient-booking-muted: var(--_muted);
      --patient-booking-surface: var(--_surface);
      --patient-booking-border: var(--_border);
      --patient-booking-danger: var(--_danger);
      --patient-booking-focus-color: var(--_focus);
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${dark}
        color-scheme: dark;
      }
    }
    :host([theme='dark']) {
      ${dark}
      color-scheme: dark;
    }
    /* No card and no visible title: the page's own box and heading stand for them. */
    :host([variant='plain']) {
      border: none;
      border-radius: 0;
      padding: var(--patient-booking-padding, 0);
      background: transparent;
    }
    :host([variant='plain']) h1 {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.25em 1em;
      margin-bottom: 0.75em;
    }
    h1 {
      font-size: 1.25em;
      margin: 0;
    }
    .progress {
      color: var(--_muted);
      font-size: 0.875em;
      margin: 0;
    }
    .back {
      order: 3;
      flex-basis: 100%;
      text-align: start;
      font: inherit;
      color: var(--_accent);
      background: none;
      border: none;
      padding: 0.5em 0;
      min-height: 2.75em;
      cursor: pointer;
      text-decoration: underline;
    }
    .back::before {
      content: '‹ ';
    }
    .phone {
      margin: 1em 0 0;
      color: var(--patient-booking-muted);
    }
    .notice {
      border: 1px solid var(--_danger);
      border-left-width: 0.375em;
      border-radius: 0.5em;
      padding: 0.5em 0.75em;
      margin: 0 0 0.75em;
    }
    .notice.info {
      border-color: var(--_accent);
    }
    /* The sign-in bar until <pb-account-bar> is defined (account/bar.ts): the element's look. */
    .sign-in-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
      padding: 0.5em 0 0;
      margin-bottom: 0.75em;
      font-size: 0.95em;
    }
    .sign-in-bar p {
      flex: 1 1 10em;
      min-width: 0;
      margin: 0;
    }
    .sign-in-bar.reserved {
      visibility: hidden;
    }
    .sign-in-bar .hint:empty {
      display: none;
    }
    .sign-in-bar button {
      min-height: 2.75em;
      padding: 0.5em 0.25em;
      border: 1px solid transparent;
      border-radius: var(--patient-booking-radius, 8px);
      background: none;
      color: var(--_accent);
      font: inherit;
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .sign-in-bar button[aria-busy='true'] {
      background: var(--_surface);
      color: var(--_accent);
    }
    /* While the catalogue loads: the shape of a heading and a few options, without text. */
    .waiting .skeleton {
      height: 3.5em;
      margin: 0 0 0.5em;
    }
    .waiting .title {
      width: 50%;
      height: 1.75em;
      margin-bottom: 1em;
    }
  `,
];
