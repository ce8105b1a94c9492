/**
 * The appointment detail's calendar file: the event it holds (the type and the practice as the
 * title, as on the confirmation: the file is the patient's own) and the link that downloads it.
 */
import { html, nothing } from 'lit';
import type { Appointment } from '../../api/types.js';
import type { Messages } from '../../i18n/messages.js';
import type { IcsFileEvent } from '../shared/ics-file.js';

export function calendarEvent(
  t: Messages,
  ap: Appointment,
  place: string,
  institutionName: string | undefined,
  /** When the file was asked for: a later file replaces an earlier one (SEQUENCE). */
  version: number,
): IcsFileEvent {
  const c = t.confirmation;
  return {
    uid: `${ap.id}@patient-booking`,
    start: ap.startsAt,
    end: ap.endsAt,
    summary: c.calendarTitle(ap.type.name, institutionName),
    ...(place ? { location: place } : {}),
    description: (ap.video ? [c.videoHow, c.change] : [c.bring, c.change]).join('\n'),
    remindBefore: 'P1D',
    sequence: version,
  };
}

/** The download link (`part="calendar"`), once the file is there. */
export function calendarLink(url: string | undefined, label: string) {
  if (!url) return nothing;
  return html`<a class="button" part="calendar" href=${url} download="termin.ics">${label}</a>`;
}
