import { css } from 'lit';

/** Styles of `<pb-time-step>`: wrapping grids only, so 320 px never scrolls sideways. */
export const timeStyles = css`
  .nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-bottom: 1em;
  }
  .nav button {
    flex: 1 1 auto;
    padding-inline: 0.5em;
  }
  .range {
    flex: 1 1 100%;
    order: -1;
    margin: 0;
    color: var(--_muted);
  }
  .filter {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    margin-bottom: 1em;
  }
  select {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  ul[part~='days'],
  ul[part~='times'] {
    display: grid;
    gap: 0.5em;
  }
  ul[part~='days'] {
    grid-template-columns: repeat(auto-fill, minmax(4.5em, 1fr));
  }
  ul[part~='times'] {
    grid-template-columns: repeat(auto-fill, minmax(5.25em, 1fr));
  }
  ul.with-location {
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
  }
  button[part~='day'],
  button[part~='time'] {
    width: 100%;
    padding: 0.5em 0.25em;
    border-color: var(--_border);
    color: var(--_text);
    font-weight: 400;
  }
  button[part~='day'] {
    flex-direction: column;
    gap: 0;
    line-height: 1.25;
  }
  button[part~='time'] {
    flex-direction: column;
    gap: 0;
  }
  button[part~='day']:hover,
  button[part~='time']:hover {
    border-color: var(--_accent);
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
  }
  button[aria-pressed='true']:hover {
    background: var(--_accent);
  }
  .weekday,
  .clock {
    font-weight: 600;
  }
  .date {
    font-size: 1.25em;
    font-weight: 600;
  }
  .count,
  .location {
    font-size: 0.8em;
  }
  .skeleton.day-skeleton {
    height: 4.25em;
  }
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
