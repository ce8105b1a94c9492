import { css } from 'lit';

/** Styles of `<pb-appointment-detail>`: back link, video and ASAP blocks, the cancel dialog. */
export const detailStyles = css`
  button.link.back {
    margin: 0 0 0.5em -0.5em;
    padding-inline: 0.5em;
    font-weight: 500;
    text-decoration: none;
  }
  .video {
    margin: 1em 0;
  }
  .calendar,
  .again {
    margin: 1em 0 0;
  }
  .notice p {
    margin: 0.75em 0 0;
  }
  .video p {
    margin: 0.25em 0 0;
  }
  .asap {
    margin-top: 1.5em;
    padding-top: 0.25em;
    border-top: 1px solid var(--_border);
  }
  .asap .actions {
    margin-top: 0.75em;
  }
  .asap-result {
    margin: 0.75em 0 0;
    font-weight: 600;
  }
  label {
    display: block;
    margin-bottom: 0.25em;
    font-weight: 600;
  }
  input {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .field-error {
    margin: 0.25em 0 0;
    color: var(--_danger);
    font-weight: 600;
  }
  dialog {
    width: min(28em, calc(100vw - 2em));
    padding: 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  dialog h3 {
    margin-top: 0;
  }
  dialog .actions {
    justify-content: flex-end;
  }
  button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_surface);
  }
  button.danger:hover {
    background: color-mix(in srgb, var(--_danger) 85%, var(--_text));
  }
`;
