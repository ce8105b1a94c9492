/**
 * What the list of appointments shows, from what the portal gave: the next appointment apart and
 * not again in the list, no appointment twice (pages can overlap after a change), and a count of
 * upcoming appointments without the cancelled ones (the portal's `upcoming` includes them).
 */
import type { Appointment, AppointmentsOverview } from '../api/types.js';
import type { Filter } from './machine.js';

export interface ShownAppointments {
  /** The counts and the next appointment, as the list shows them. */
  overview: AppointmentsOverview | undefined;
  /** The filter's appointments in the portal's order, without repeats and without the next one. */
  items: Appointment[] | undefined;
}

const isAhead = (a: Appointment, now: number) =>
  a.status === 'confirmed' && a.startsAt.getTime() > now;

function unique(items: readonly Appointment[]): Appointment[] {
  const seen = new Set<string>();
  return items.filter((a) => !seen.has(a.id) && Boolean(seen.add(a.id)));
}

export function shownAppointments(
  overview: AppointmentsOverview | undefined,
  filter: Filter,
  items: readonly Appointment[] | undefined,
  /** The upcoming list as loaded so far: its cancelled appointments leave the count. */
  upcoming: readonly Appointment[] | undefined,
  now = Date.now(),
): ShownAppointments {
  const next = overview?.next && isAhead(overview.next, now) ? overview.next : null;
  const list = items && unique(items).filter((a) => filter !== 'upcoming' || a.id !== next?.id);
  if (!overview) return { overview, items: list };
  const cancelled = unique(upcoming ?? []).filter((a) => a.status === 'cancelled').length;
  return {
    overview: { ...overview, next, upcomingCount: Math.max(0, overview.upcomingCount - cancelled) },
    items: list,
  };
}
