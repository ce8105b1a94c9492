/**
 * The parts of the views that a host page may style: each view forwards them (`exportparts`)
 * through the root's shadow root, so `patient-booking::part(option)` reaches every choice button.
 * The root documents them (`@csspart`); the views' other parts stay inside.
 */
export const FORWARDED_PARTS =
  'heading, filter, option, day, time, field, field-error, error, submit, confirm, summary, edit, bar, sign-in, sign-out';
