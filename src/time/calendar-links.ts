/**
 * "Add to Google Calendar" and "Add to Outlook" links for a booked appointment. They leave the
 * practice's site only when the patient clicks one; what they carry is the patient's to take: a
 * neutral title (never the appointment type, which can reveal a condition), the times, the
 * practice's public address and the next steps. Pure: no DOM, no clock.
 */
import { icsUtc } from './ics.js';

export interface CalendarLinkEvent {
  title: string;
  start: Date;
  end: Date;
  location?: string;
  details?: string;
}

export function googleCalendarUrl(e: CalendarLinkEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', e.title);
  url.searchParams.set('dates', `${icsUtc(e.start)}/${icsUtc(e.end)}`);
  if (e.location) url.searchParams.set('location', e.location);
  if (e.details) url.searchParams.set('details', e.details);
  return url.href;
}

export function outlookCalendarUrl(e: CalendarLinkEvent): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', e.title);
  url.searchParams.set('startdt', e.start.toISOString());
  url.searchParams.set('enddt', e.end.toISOString());
  if (e.location) url.searchParams.set('location', e.location);
  if (e.details) url.searchParams.set('body', e.details);
  return url.href;
}
