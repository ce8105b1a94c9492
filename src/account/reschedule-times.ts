/**
 * Free times for moving one appointment (`/appointments/{id}/availabilities`), in the same
 * windows of days as the booking flow's time step; when a window is empty, the search for the
 * first free time after it. Loads are aborted when the patient leaves the time step.
 */
import type { ApiError } from '../api/errors.js';
import type { PatientPortal } from '../api/portal.js';
import type { Availability } from '../api/types.js';
import { addDays, windowsFrom, type PlainDate } from '../time/calendar.js';
import { ResourceStore, type Resource } from '../booking/resources.js';
import { SEARCH_DAYS, WINDOW_DAYS } from '../booking/time-window.js';

const GROUP = 'reschedule';

export interface FirstFound {
  availability: Availability | null;
}

export class RescheduleTimes {
  readonly store: ResourceStore;
  private id: string | null = null;
  private fromDate: PlainDate | null = null;
  private window: { from: PlainDate; to: PlainDate } | null = null;

  constructor(
    private readonly api: Pick<PatientPortal, 'appointmentAvailabilities'>,
    onChange: () => void,
    onError: (error: ApiError) => void,
  ) {
    this.store = new ResourceStore(onChange, onError);
  }

  get from(): PlainDate | null {
    return this.window?.from ?? null;
  }

  get to(): PlainDate | null {
    return this.window?.to ?? null;
  }

  /** Loads the current window of appointment `id` (from `today` on, the clinic's date). */
  ensure(id: string, today: PlainDate | null): void {
    if (id !== this.id) {
      this.id = id;
      this.fromDate = null;
    }
    if (!today) return;
    const from = this.fromDate && this.fromDate > today ? this.fromDate : today;
    this.window = { from, to: addDays(from, WINDOW_DAYS - 1) };
    const slots = this.slots();
    if (slots?.status === 'ready' && slots.value.length === 0) this.firstAfter();
  }

  slots(): Resource<Availability[]> | null {
    const { id, window } = this;
    if (!id || !window) return null;
    const key = `slots:${id}:${window.from}:${window.to}`;
    void this.store.load(key, (s) => this.api.appointmentAvailabilities(id, window, s), GROUP);
    return this.store.get<Availability[]>(key) ?? null;
  }

  /** The first free time after the current window, searched window by window. */
  firstAfter(): Resource<FirstFound> | null {
    const { id, window } = this;
    if (!id || !window) return null;
    const start = addDays(window.to, 1);
    const key = `first:${id}:${start}`;
    void this.store.load(
      key,
      async (signal) => {
        for (const w of windowsFrom(start, SEARCH_DAYS)) {
          const found = await this.api.appointmentAvailabilities(id, w, signal);
          const first = found.reduce<Availability | null>(
            (best, a) => (best === null || a.startsAt < best.startsAt ? a : best),
            null,
          );
          if (first) return { availability: first };
        }
        return { availability: null };
      },
      GROUP,
    );
    return this.store.get<FirstFound>(key) ?? null;
  }

  moveTo(from: PlainDate, today: PlainDate | null): void {
    this.fromDate = from;
    if (this.id) this.ensure(this.id, today);
  }

  /** A loaded time by id (the confirmation shows it whole). */
  find(availabilityId: string): Availability | undefined {
    const { id, window } = this;
    if (!id || !window) return undefined;
    const slots = this.store.get<Availability[]>(`slots:${id}:${window.from}:${window.to}`);
    return slots?.status === 'ready' ? slots.value.find((a) => a.id === availabilityId) : undefined;
  }

  /** The shown times are stale (one was taken, or the appointment moved): load them again. */
  forget(): void {
    const { id, window } = this;
    if (!id || !window) return;
    this.store.invalidate(`slots:${id}:${window.from}:${window.to}`);
    this.store.invalidate(`first:${id}:${addDays(window.to, 1)}`);
  }

  /** Left the time step: abort what is loading. */
  leave(): void {
    this.store.abortGroup(GROUP);
  }
}
