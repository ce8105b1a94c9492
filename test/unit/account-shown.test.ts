import { expect } from '@open-wc/testing';
import type { AppointmentsOverview } from '../../src/api/types.js';
import { shownAppointments } from '../../src/account/appointments-shown.js';
import { appointment, at } from './account-fakes.js';

const NOW = at('2026-12-05T09:00:00Z').getTime();
const future = (id: string, day: number, cancelled = false) =>
  appointment(id, {
    startsAt: at(`2026-12-${String(day).padStart(2, '0')}T09:00:00Z`),
    endsAt: at(`2026-12-${String(day).padStart(2, '0')}T09:30:00Z`),
    status: cancelled ? 'cancelled' : 'confirmed',
  });
const ids = (items: { id: string }[] | undefined) => items?.map((a) => a.id);

describe('account: the appointments shown', () => {
  const upcoming = [future('a', 6), future('b', 8), future('c', 9, true), future('d', 12)];
  const overview: AppointmentsOverview = { upcomingCount: 4, pastCount: 7, next: upcoming[0]! };

  it('shows the next appointment once: above the list, not again in it', () => {
    const shown = shownAppointments(overview, 'upcoming', upcoming, upcoming, NOW);
    expect(shown.overview?.next?.id).to.equal('a');
    expect(ids(shown.items)).to.deep.equal(['b', 'c', 'd']);
  });

  it('does not count cancelled appointments as upcoming', () => {
    const shown = shownAppointments(overview, 'upcoming', upcoming, upcoming, NOW);
    expect(shown.overview?.upcomingCount).to.equal(3);
    expect(shown.overview?.pastCount).to.equal(7);
    // Seen from the past filter too, once the upcoming list is known.
    const past = shownAppointments(overview, 'past', [], upcoming, NOW);
    expect(past.overview?.upcomingCount).to.equal(3);
  });

  it('lists an appointment once when pages overlap', () => {
    const shown = shownAppointments(
      overview,
      'upcoming',
      [...upcoming, upcoming[1]!],
      upcoming,
      NOW,
    );
    expect(ids(shown.items)).to.deep.equal(['b', 'c', 'd']);
  });

  it('shows no cancelled or started appointment as the next one', () => {
    const cancelled = { ...overview, next: future('c', 9, true) };
    expect(
      shownAppointments(cancelled, 'upcoming', upcoming, upcoming, NOW).overview?.next,
    ).to.equal(null);
    const started = { ...overview, next: future('z', 5) };
    const shown = shownAppointments(
      started,
      'upcoming',
      upcoming,
      upcoming,
      at('2026-12-05T09:10:00Z').getTime(),
    );
    expect(shown.overview?.next).to.equal(null);
    expect(ids(shown.items)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('keeps the list as it is while the overview is missing, and waits for a list still loading', () => {
    expect(
      ids(shownAppointments(undefined, 'upcoming', upcoming, upcoming, NOW).items),
    ).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(shownAppointments(overview, 'upcoming', undefined, undefined, NOW).items).to.equal(
      undefined,
    );
  });
});
