import { expect } from '@open-wc/testing';
import type { Appointment } from '../../src/api/types.js';
import { bookAgainPreset, rememberedInsurance } from '../../src/account/returning-patient.js';
import { appointment } from './account-fakes.js';

function portal(lists: Record<'past' | 'upcoming', Appointment[]>) {
  const asked: string[] = [];
  return {
    asked,
    api: {
      appointments: (q: { status?: 'past' | 'upcoming'; page?: number }) => {
        asked.push(`${q.status}:${q.page}`);
        const items = lists[q.status ?? 'past'];
        return Promise.resolve({ items, hasMore: false });
      },
    },
  };
}

describe('account: a returning patient', () => {
  const signal = new AbortController().signal;

  it('remembers the insurance of the newest past appointment that names one', async () => {
    const { api, asked } = portal({
      past: [appointment('p1'), appointment('p2', { insuranceId: '136' })],
      upcoming: [appointment('u1', { insuranceId: '201' })],
    });
    expect(await rememberedInsurance(api, signal)).to.equal('136');
    expect(asked).to.deep.equal(['past:1']);
  });

  it('falls back to the upcoming ones, else knows none', async () => {
    const upcoming = portal({ past: [], upcoming: [appointment('u1', { insuranceId: '201' })] });
    expect(await rememberedInsurance(upcoming.api, signal)).to.equal('201');
    const none = portal({ past: [appointment('p1')], upcoming: [] });
    expect(await rememberedInsurance(none.api, signal)).to.equal(undefined);
    expect(none.asked).to.deep.equal(['past:1', 'upcoming:1']);
  });

  it('books again with the type, its category and the insurance it was booked with', () => {
    const a = appointment('p1', {
      type: { id: '199', name: 'Hausärztliche Beratung' },
      category: { id: '53', name: 'Allgemeinmedizin' },
      insuranceId: '136',
    });
    expect(bookAgainPreset(a, '201')).to.deep.equal({
      typeId: '199',
      categoryId: '53',
      insuranceId: '136',
    });
    const bare = appointment('p2', { type: { id: '199', name: 'Hausärztliche Beratung' } });
    expect(bookAgainPreset(bare, '201')).to.deep.equal({ typeId: '199', insuranceId: '201' });
    expect(bookAgainPreset(bare, undefined)).to.deep.equal({ typeId: '199' });
  });
});
