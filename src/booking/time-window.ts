/**
 * The day/time step's window of days: which days are shown, their times, and, when a window is
 * empty, the search for the first free time after it. Dates are plain dates in the clinic's zone.
 */
import type { Availability } from '../api/types.js';
import type { BookingApi, FirstAvailableResult } from './booking-api.js';
import { addDays, todayIn } from '../time/calendar.js';
import type { Resource } from './resources.js';
import { GROUPS, type StepData } from './step-data.js';

export interface SlotQuery {
  typeId: string;
  categoryId: string;
  insuranceId: string;
  from: string;
  to: string;
}

/** Days per window: two weeks fit a phone screen; the API would allow 31. */
export const WINDOW_DAYS = 14;
/** How far the first-free-time search looks ahead, in days. */
export const SEARCH_DAYS = 186;

interface Selection {
  typeId: string;
  categoryId: string;
  insuranceId: string;
}

export class TimeWindow {
  private selectionKey = '';
  private fromDate: string | null = null;
  private query: SlotQuery | null = null;

  constructor(
    private readonly data: StepData,
    private readonly api: Pick<BookingApi, 'availabilities' | 'firstAvailable'>,
    private readonly onChange: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Today in the clinic's zone, once its time zone is known. */
  get today(): string | null {
    const institution = this.data.institution();
    return institution.status === 'ready' ? todayIn(institution.value.timeZone, this.now()) : null;
  }

  get from(): string | null {
    return this.query?.from ?? null;
  }

  get to(): string | null {
    return this.query?.to ?? null;
  }

  /** Loads the current window's times (and the search after an empty window) for a selection. */
  ensure(selection: Selection): void {
    const key = `${selection.typeId}:${selection.categoryId}:${selection.insuranceId}`;
    if (key !== this.selectionKey) {
      this.selectionKey = key;
      this.fromDate = null;
    }
    const today = this.today;
    if (!today) return;
    const from = this.fromDate && this.fromDate > today ? this.fromDate : today;
    const { typeId, categoryId, insuranceId } = selection;
    this.query = { typeId, categoryId, insuranceId, from, to: addDays(from, WINDOW_DAYS - 1) };
    const slots = this.loadSlots(this.query);
    if (slots.status === 'ready' && slots.value.length === 0) this.firstAfter();
  }

  slots(): Resource<Availability[]> | null {
    return this.query ? this.loadSlots(this.query) : null;
  }

  /** The search for the first free time after an empty window, if one ran. */
  firstAfter(): Resource<FirstAvailableResult> | null {
    if (!this.query) return null;
    const { typeId, categoryId, insuranceId, to } = this.query;
    return this.loadFirst({ typeId, categoryId, insuranceId, from: addDays(to, 1) }, SEARCH_DAYS);
  }

  /** Show the window starting at `from` (clamped to today). */
  moveTo(from: string, selection: Selection): void {
    this.fromDate = from;
    this.ensure(selection);
    this.onChange();
  }

  /** The shown times are stale (a slot was taken): load them again. */
  forgetCurrent(): void {
    if (this.query) this.data.store.invalidate(slotKey(this.query));
  }

  /** One window's availabilities, loaded once (the time step's: aborted on leaving it). */
  private loadSlots(q: SlotQuery): Resource<Availability[]> {
    const key = slotKey(q);
    void this.data.store.load(
      key,
      (s) =>
        this.api.availabilities(
          q.typeId,
          { categoryId: q.categoryId, insuranceId: q.insuranceId, from: q.from, to: q.to },
          s,
        ),
      GROUPS.times,
    );
    return this.data.store.get<Availability[]>(key)!;
  }

  private loadFirst(q: Omit<SlotQuery, 'to'>, maxDays: number): Resource<FirstAvailableResult> {
    const key = `first:${q.typeId}:${q.categoryId}:${q.insuranceId}:${q.from}`;
    const { typeId, categoryId, insuranceId, from } = q;
    void this.data.store.load(
      key,
      (s) => this.api.firstAvailable(typeId, { categoryId, insuranceId, from, maxDays }, s),
      GROUPS.times,
    );
    return this.data.store.get<FirstAvailableResult>(key)!;
  }
}

const slotKey = (q: SlotQuery) =>
  `slots:${q.typeId}:${q.categoryId}:${q.insuranceId}:${q.from}:${q.to}`;
