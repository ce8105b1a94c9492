/**
 * The patient's appointments as the list view shows them: the overview (counts, next one) and,
 * per filter, the pages loaded so far. A newer load of a filter aborts the older one; lists are
 * kept while the patient looks at one appointment and loaded again after a change.
 */
import type { ApiError } from '../api/errors.js';
import { isAbortError } from '../api/http.js';
import type { PatientPortal } from '../api/portal.js';
import type { Appointment, AppointmentsOverview } from '../api/types.js';
import { toApiError } from '../booking/resources.js';
import { FILTERS, type Filter } from './machine.js';

/** Appointments per page: a phone screen or two; "Show more" loads the next. */
export const PAGE_SIZE = 10;

export interface AppointmentList {
  /** Undefined until the first page is there. */
  items: Appointment[] | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  error: ApiError | null;
}

interface Entry extends AppointmentList {
  page: number;
  stale: boolean;
  controller: AbortController | null;
}

const empty = (): Entry => ({
  items: undefined,
  hasMore: false,
  loadingMore: false,
  error: null,
  page: 0,
  stale: true,
  controller: null,
});

export class AppointmentLists {
  overview: AppointmentsOverview | undefined;
  private overviewStale = true;
  private overviewLoading = false;
  private entries: Record<Filter, Entry> = { upcoming: empty(), past: empty() };
  /** Bumped by `clear()`: answers for a signed-out patient are dropped. */
  private generation = 0;

  constructor(
    private readonly api: Pick<PatientPortal, 'appointments' | 'overview'>,
    private readonly onChange: () => void,
    private readonly onError: (error: ApiError) => void,
  ) {}

  get(filter: Filter): AppointmentList {
    return this.entries[filter];
  }

  /** An appointment from any loaded list or the overview (shown while its detail loads). */
  find(id: string): Appointment | undefined {
    if (this.overview?.next?.id === id) return this.overview.next;
    for (const f of FILTERS) {
      const found = this.entries[f].items?.find((a) => a.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** The first page (and the overview), unless loaded and still current; `fresh` forces it. */
  load(filter: Filter, fresh: boolean): void {
    if (fresh) this.invalidate();
    if (this.overviewStale && !this.overviewLoading) void this.loadOverview();
    const e = this.entries[filter];
    if ((e.controller && !fresh) || (!e.stale && !e.error)) return;
    void this.loadPage(filter, 1);
  }

  /** After an error: the page that failed again. */
  retry(filter: Filter): void {
    const e = this.entries[filter];
    if (!e.error) return;
    if (e.items && e.page > 0) void this.loadPage(filter, e.page + 1);
    else void this.loadPage(filter, 1);
  }

  more(filter: Filter): void {
    const e = this.entries[filter];
    if (!e.hasMore || e.loadingMore || e.controller) return;
    void this.loadPage(filter, e.page + 1);
  }

  /** Something changed (cancelled, moved, booked): load again when next shown. */
  invalidate(): void {
    this.overviewStale = true;
    for (const f of FILTERS) this.entries[f].stale = true;
  }

  /** Signed out: forget everything, abort what is loading. */
  clear(): void {
    for (const f of FILTERS) this.entries[f].controller?.abort();
    this.entries = { upcoming: empty(), past: empty() };
    this.overview = undefined;
    this.overviewStale = true;
    this.overviewLoading = false;
    this.generation += 1;
  }

  private async loadOverview(): Promise<void> {
    this.overviewStale = false;
    this.overviewLoading = true;
    const generation = this.generation;
    try {
      const overview = await this.api.overview(new AbortController().signal);
      if (generation === this.generation) this.overview = overview;
    } catch (error) {
      // Counts are a nicety: the list shows its own error.
      if (generation === this.generation) this.overviewStale = true;
      if (!isAbortError(error)) this.onError(toApiError(error));
    } finally {
      if (generation === this.generation) this.overviewLoading = false;
    }
    this.onChange();
  }

  private async loadPage(filter: Filter, page: number): Promise<void> {
    const e = this.entries[filter];
    e.controller?.abort();
    const controller = new AbortController();
    e.controller = controller;
    e.error = null;
    e.loadingMore = page > 1;
    this.onChange();
    try {
      const query = { status: filter, page, perPage: PAGE_SIZE };
      const result = await this.api.appointments(query, controller.signal);
      if (e.controller !== controller) return;
      // A change between two pages shifts them: an appointment already listed is not added again.
      const known = new Set(page === 1 ? [] : (e.items ?? []).map((a) => a.id));
      const added = result.items.filter((a) => !known.has(a.id));
      e.items = page === 1 ? result.items : [...(e.items ?? []), ...added];
      e.hasMore = result.hasMore && result.items.length > 0;
      e.page = page;
      e.stale = false;
    } catch (error) {
      if (e.controller !== controller || isAbortError(error)) return;
      e.error = toApiError(error);
      this.onError(e.error);
    } finally {
      if (e.controller === controller) {
        e.controller = null;
        e.loadingMore = false;
        this.onChange();
      }
    }
  }
}
