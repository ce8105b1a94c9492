import { css } from 'lit';

/**
 * Styles of `<pb-time-step>`: the week strip's seven columns and its two week buttons fit one row
 * at 320 px; times wrap in a grid, so nothing scrolls sideways.
 */
export const timeStyles = css`
  .locations {
    margin: 0 0 1em;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .locations legend {
    padding: 0;
    font-weight: 600;
  }
  .location {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
  }
  .location input {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .week {
    display: grid;
    grid-template-columns: 2.75em minmax(0, 1fr) 2.75em;
    align-items: center;
    gap: 0.5em;
  }
  .week .step {
    padding: 0;
    font-size: 1.25em;
    width: 2.2em;
    min-height: 2.2em;
  }
  .range {
    margin: 0;
    text-align: center;
    font-weight: 600;
  }
  .days {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 0.25em;
    margin: 0.5em 0 0.75em;
    /* Horizontal swipes reach the strip (they change the week); vertical ones scroll the page. */
    touch-action: pan-y;
  }
  [part~='day'] {
    flex-direction: column;
    gap: 0;
    min-width: 0;
    padding: 0.375em 0;
    border-color: var(--_border);
    color: var(--_text);
    font-weight: 400;
    line-height: 1.2;
  }
  [part~='day']:hover {
    border-color: var(--_accent);
  }
  [part~='day'][aria-disabled='true'] {
    opacity: 1;
    border-style: dashed;
    color: var(--_muted);
    background: transparent;
    cursor: default;
  }
  [part~='day'][aria-disabled='true']:hover {
    border-color: var(--_border);
  }
  [part~='day'][aria-selected='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
  }
  .weekday {
    font-size: 0.8em;
  }
  .date {
    font-size: 1.125em;
    font-weight: 600;
  }
  .count {
    font-size: 0.75em;
  }
  .loading .count {
    visibility: hidden;
  }
  .jumps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-bottom: 0.5em;
  }
  .jumps button {
    flex: 1 1 0;
    min-width: 0;
    padding-inline: 0.5em;
  }
  .date-form {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25em 0.5em;
    align-items: center;
    margin-bottom: 0.5em;
  }
  .date-form label,
  .date-form .field-error {
    grid-column: 1 / -1;
  }
  .date-form input {
    min-width: 0;
    min-height: 2.75em;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
  }
  h4 {
    margin: 1em 0 0.5em;
    font-size: 1em;
  }
  h4 .muted {
    font-weight: 400;
  }
  ul[part~='times'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(4.5em, 1fr));
    gap: 0.5em;
  }
  [part~='time'] {
    width: 100%;
    padding: 0.5em 0.25em;
    border-color: var(--_border);
    color: var(--_text);
    font-weight: 600;
  }
  [part~='time']:hover {
    border-color: var(--_accent);
  }
  [part~='time'][aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
  }
  .more {
    margin-top: 0.5em;
  }
  .skeleton.day-skeleton {
    height: 4em;
  }
  ul[part~='days'] {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 0.25em;
  }
  .week-empty,
  .empty {
    margin-top: 0.5em;
  }
  .empty .none {
    font-weight: 600;
  }
  .empty [role='status'] {
    margin: 0.75em 0 0;
  }
`;
