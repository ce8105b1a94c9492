import { expect } from '@open-wc/testing';
import type { AppointmentType, Category } from '../../src/api/types.js';
import type { Booking } from '../../src/booking/booking-model.js';
import type { BookingEvent } from '../../src/booking/machine.js';
import type { Resource } from '../../src/booking/resources.js';
import type { Preset, TypeState } from '../../src/booking/steps.js';
import { enCore } from '../../src/i18n/en-core.js';
import { MANY_TYPES, typeList } from '../../src/steps/booking-steps.js';
import { appointmentType } from './booking-fakes.js';

const ready = <T>(value: T): Resource<T> => ({ status: 'ready', value });
const categories: Category[] = [
  { id: 'c1', name: 'Allgemeinmedizin' },
  { id: 'c2', name: 'Vorsorge' },
];

/** The first screen's list for insurance i1 of a catalogue with `types`. */
function listOf(types: AppointmentType[], state: Partial<TypeState> = {}, preset: Preset = {}) {
  const sent: BookingEvent[] = [];
  const b = {
    data: {
      types: () => ready(types),
      categories: () => ready(categories),
      locations: () => ready([]),
    },
    send: (e: BookingEvent) => sent.push(e),
  } as unknown as Booking;
  const s: TypeState = { step: 'type', preset, insuranceId: 'i1', ...state };
  return { list: typeList({ b, t: enCore, locale: 'en', practice: {} }, s, 'i1'), sent };
}

describe('the first screen’s list of types', () => {
  it('lists every category’s types under its heading, in the categories’ order', () => {
    const { list } = listOf([appointmentType('t3', 'c2'), appointmentType('t1', 'c1')]);
    expect(list.filters).to.deep.equal([]);
    expect(list.options?.map((o) => [o.id, o.group])).to.deep.equal([
      ['t1', 'Allgemeinmedizin'],
      ['t3', 'Vorsorge'],
    ]);
  });

  it('chooses a type with its category', () => {
    const { list, sent } = listOf([appointmentType('t3', 'c2')]);
    list.pick('t3');
    expect(sent).to.deep.equal([{ type: 'SELECT_TYPE', id: 't3', categoryId: 'c2' }]);
  });

  it('shows one category’s types, or the one type, the host preselected (no headings)', () => {
    const types = [
      appointmentType('t1', 'c1'),
      appointmentType('t2', 'c1'),
      appointmentType('t3', 'c2'),
    ];
    const category = listOf(types, {}, { categoryId: 'c1' }).list;
    expect(category.options?.map((o) => [o.id, o.group])).to.deep.equal([
      ['t1', undefined],
      ['t2', undefined],
    ]);
    const type = listOf(types, {}, { categoryId: 'c1', typeId: 't2' }).list;
    expect(type.options?.map((o) => o.id)).to.deep.equal(['t2']);
  });

  it(`asks the category first above ${MANY_TYPES} types, then lists that category’s`, () => {
    const many = Array.from({ length: MANY_TYPES + 1 }, (_, i) =>
      appointmentType(`t${i}`, i % 2 ? 'c2' : 'c1'),
    );
    const first = listOf(many).list;
    expect(first.options).to.equal(null);
    expect(first.hint).to.be.a('string').and.not.equal('');
    expect(first.filters).to.have.length(1);
    expect(first.filters[0]).to.deep.include({ name: 'category', selectedId: undefined });
    expect(first.filters[0]!.options.map((o) => o.id)).to.deep.equal(['c1', 'c2']);
    const chosen = listOf(many, { categoryId: 'c2' }).list;
    expect(chosen.options).to.have.length(Math.floor((MANY_TYPES + 1) / 2));
    expect(chosen.options!.every((o) => o.group === undefined)).to.equal(true);
    expect(chosen.filters[0]!.selectedId).to.equal('c2');
  });

  it(`lists ${MANY_TYPES} types at once`, () => {
    const twelve = Array.from({ length: MANY_TYPES }, (_, i) => appointmentType(`t${i}`));
    expect(listOf(twelve).list.options).to.have.length(MANY_TYPES);
  });
});
