/**
 * Keyed async resources for the views: each key is loaded at most once per page life while it
 * succeeds, concurrent asks share one request, failures are kept (to show) until `retryFailed()`
 * clears them, and the loads of a group are aborted when the user moves on.
 */
import { ApiError, ERROR_CODES } from '../api/errors.js';

export type Resource<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError };

type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  resource: Resource<unknown>;
  promise: Promise<unknown>;
  controller: AbortController;
  group: string;
}

export class ResourceStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly onChange: () => void,
    private readonly onError: (error: ApiError) => void = () => {},
  ) {}

  get<T>(key: string): Resource<T> | undefined {
    return this.entries.get(key)?.resource as Resource<T> | undefined;
  }

  /**
   * The value under `key`: the cached one, the one being loaded, the failure being shown, or a new
   * load. The returned promise may be ignored; its failure is kept in the resource.
   */
  load<T>(key: string, loader: Loader<T>, group = 'step'): Promise<T> {
    const existing = this.entries.get(key);
    if (existing) return existing.promise as Promise<T>;
    const controller = new AbortController();
    const entry: Entry = {
      resource: { status: 'loading' },
      promise: Promise.resolve(),
      controller,
      group,
    };
    const promise = loader(controller.signal).then(
      (value) => {
        this.settle(key, entry, { status: 'ready', value });
        return value;
      },
      (error: unknown) => {
        this.settle(key, entry, { status: 'error', error: toApiError(error) });
        throw error;
      },
    );
    promise.catch(() => {}); // kept in the resource; callers that await it still see it
    entry.promise = promise;
    this.entries.set(key, entry);
    this.onChange();
    return promise;
  }

  /** Forget a key (e.g. times after a slot was taken), aborting its load. */
  invalidate(key: string): void {
    this.entries.get(key)?.controller.abort();
    this.entries.delete(key);
  }

  /** Forget every failure, so the next ask loads again (the user pressed "retry"). */
  retryFailed(): void {
    for (const [key, entry] of this.entries) {
      if (entry.resource.status === 'error') this.entries.delete(key);
    }
    this.onChange();
  }

  /** Abort the unfinished loads of a group (the user moved on); they will load again if asked. */
  abortGroup(group: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.group !== group || entry.resource.status !== 'loading') continue;
      this.invalidate(key);
    }
  }

  private settle(key: string, entry: Entry, resource: Resource<unknown>): void {
    if (this.entries.get(key) !== entry) return; // aborted or superseded: a stale answer is dropped
    entry.resource = resource;
    if (resource.status === 'error') this.onError(resource.error);
    this.onChange();
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(error instanceof Error ? error.message : String(error), ERROR_CODES.network);
}
