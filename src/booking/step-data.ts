/**
 * The data each step shows, loaded on demand through one ResourceStore: every catalogue answer is
 * fetched once per page life and shared by all steps (going back and forth refetches nothing).
 * Each getter starts the load when needed and returns the resource as it stands. The time step's
 * own loads (availabilities, the first free time) are its window's: `time-window.ts`.
 */
import type { AppointmentType, Category, Institution, Insurance, Location } from '../api/types.js';
import { ApiError, ERROR_CODES } from '../api/errors.js';
import type { BookingApi } from './booking-api.js';
import { ResourceStore, type Resource } from './resources.js';

/** Catalogue loads live for the page; times belong to the time step and are aborted on leaving it. */
export const GROUPS = { catalogue: 'catalogue', times: 'times' } as const;

export class StepData {
  readonly store: ResourceStore;

  constructor(
    private readonly api: BookingApi,
    onChange: () => void,
    onError?: (error: ApiError) => void,
  ) {
    this.store = new ResourceStore(onChange, onError);
  }

  /** Each catalogue query once: its resource for rendering, its promise for checks that wait. */
  private readonly query = {
    insurances: () => this.catalogue('insurances', (s) => tenantList(this.api.insurances(s))),
    institution: () =>
      this.catalogue('institution', async (s) => {
        const [first] = await tenantList(this.api.institutions(s));
        if (!first) throw new ApiError('no institution', ERROR_CODES.config);
        return first;
      }),
    locations: () => this.catalogue('locations', (s) => tenantList(this.api.locations(s))),
    categories: (insuranceId: string) =>
      this.catalogue(`categories:${insuranceId}`, (s) => this.api.categories({ insuranceId }, s)),
    /** Every category's types in one request (the first screen lists them all). */
    types: (insuranceId: string) =>
      this.catalogue(`types:${insuranceId}`, (s) => this.api.types({ insuranceId }, s)),
    type: (typeId: string) => this.catalogue(`type:${typeId}`, (s) => this.api.type(typeId, s)),
  };

  /** The same queries as promises, for checks that must wait (the host's preselection). */
  readonly ready = {
    insurances: () => this.query.insurances().promise,
    categories: (insuranceId: string) => this.query.categories(insuranceId).promise,
    types: (insuranceId: string) => this.query.types(insuranceId).promise,
    type: (typeId: string) => this.query.type(typeId).promise,
  };

  insurances(): Resource<Insurance[]> {
    return this.query.insurances().resource;
  }

  /** The practice (its time zone above all); the portal serves one institution per tenant. */
  institution(): Resource<Institution> {
    return this.query.institution().resource;
  }

  locations(): Resource<Location[]> {
    return this.query.locations().resource;
  }

  categories(insuranceId: string): Resource<Category[]> {
    return this.query.categories(insuranceId).resource;
  }

  /** The insurance's types, of every category. */
  types(insuranceId: string): Resource<AppointmentType[]> {
    return this.query.types(insuranceId).resource;
  }

  /** One type: from the insurance's list when that is loaded, else by id (preselected types). */
  type(typeId: string, insuranceId: string): Resource<AppointmentType> {
    const list = this.store.get<AppointmentType[]>(`types:${insuranceId}`);
    if (list?.status === 'ready') {
      const found = list.value.find((t) => t.id === typeId);
      if (found) return { status: 'ready', value: found };
    }
    return this.query.type(typeId).resource;
  }

  private catalogue<T>(key: string, loader: (signal: AbortSignal) => Promise<T>) {
    const promise = this.store.load(key, loader, GROUPS.catalogue);
    return { promise, resource: this.store.get<T>(key)! };
  }
}

/**
 * A list that every portal has (no ids in its path): a 404 there means the widget talks to
 * something that is not the patient API (a wrong `backend`), not that an item is
 * gone, so the patient is told the form is not set up correctly instead of "choose again".
 */
async function tenantList<T>(list: Promise<T>): Promise<T> {
  try {
    return await list;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== ERROR_CODES.notFound) throw error;
    throw new ApiError(`${error.message} (not a patient API?)`, ERROR_CODES.config, error.status);
  }
}
