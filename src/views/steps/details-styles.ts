import { css } from 'lit';

/** Styles of `<pb-details-step>`. */
export const detailsStyles = css`
  form {
    display: grid;
    gap: 1em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  label .muted {
    font-weight: 400;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  textarea {
    font: inherit;
    resize: vertical;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .check {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: 0.6em;
  }
  .check label {
    font-weight: 400;
  }
  .check .hint,
  .check .field-error {
    grid-column: 2;
  }
  input[type='checkbox'] {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .hint {
    margin: 0;
  }
  .alert ul {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .summary {
    border-width: 3px;
  }
  .summary > p {
    font-weight: 700;
  }
  .summary a,
  .privacy a {
    color: var(--_accent);
  }
  .summary a {
    display: inline-block;
    min-height: 1.5em;
    padding-block: 0.125em;
    font-weight: 600;
  }
  .summary li + li {
    margin-top: 0.25em;
  }
  .privacy {
    margin: 1em 0 0;
  }
  .actions {
    margin-top: 0.25em;
  }
`;
