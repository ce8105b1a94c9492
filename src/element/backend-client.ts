/**
 * The element's way to its backend: the one HTTP client, which sends the signed-in patient's
 * token on the patient's calls and none on a guest's (the backend adds its own), the guest's
 * endpoints, and the backend's configuration, read beside the first step's data. The session and
 * the patient endpoints belong to the account code, which hands its session over (`useSession`).
 */
import type { BackendConfiguration } from '../api/backend-config.js';
import { loadBackendConfiguration } from '../api/backend-config.js';
import { createHttpClient, type HttpClient } from '../api/http.js';
import type { CataloguePortal } from '../api/portal-catalogue.js';
import { firstStepEndpoints } from '../api/portal-practice.js';
import type { UserSession } from '../auth/session.js';
import { loadSteps as loadFlow } from '../lazy/load-steps.js';
import { type StepsChunk as Flow } from '../lazy/load-steps.js';
import type { WidgetConfig } from './config.js';

/** The guest's endpoints, and a hint that a booking is near (a guest's needs a proof of work). */
export type GuestApi = CataloguePortal & {
  /** Starts on a guest booking's proof of work (the details step: the patient types a while). */
  prepareBooking(): void;
};

export interface BackendClient {
  /** The endpoints a guest may use: catalogue, availabilities, booking. */
  api: GuestApi;
  /** For the patient endpoints (made by the account code), with the session's token. */
  http: HttpClient;
  /** The element's configuration (the account code makes the login's settings from it). */
  config: WidgetConfig;
  /** The backend's configuration, once it is here (null: not yet, or it failed). */
  remote: BackendConfiguration | null;
  /** The signed-in patient's session, once the account code has made one. */
  readonly session: UserSession | null;
  /** The account hands its session over (null: it ended); the patient's calls then carry its token. */
  useSession(session: UserSession | null): void;
}

/**
 * The endpoints a guest may use: the first step's at once, the others through the booking flow's
 * code (which the flow has fetched before it leaves the first step). The catalogue goes without a
 * token even when a patient is signed in (one cached answer for everyone); the booking carries the
 * patient's token when there is one.
 */
function guestEndpoints(
  catalogue: HttpClient,
  booking: HttpClient,
  backend: string,
  isGuest: () => boolean,
): GuestApi {
  let rest: CataloguePortal | null = null;
  let book: CataloguePortal['book'] | null = null;
  let proof: InstanceType<Flow['BookingProof']> | null = null;
  const proofOf = (flow: Flow) =>
    (proof ??= new flow.BookingProof((signal) => flow.fetchPowChallenge(backend, signal)));
  const later = <K extends keyof CataloguePortal>(name: K): CataloguePortal[K] => {
    const call = async (...args: unknown[]) => {
      rest ??= (await loadFlow()).catalogueEndpoints(catalogue);
      return (rest[name] as (...a: unknown[]) => unknown)(...args);
    };
    return call as CataloguePortal[K];
  };
  return {
    ...firstStepEndpoints(catalogue),
    institution: later('institution'),
    locations: later('locations'),
    categories: later('categories'),
    types: later('types'),
    type: later('type'),
    availabilities: later('availabilities'),
    firstAvailable: later('firstAvailable'),
    book: async (...args) => {
      const flow = await loadFlow();
      if (!book) {
        const endpoints = flow.catalogueEndpoints(booking);
        book = flow.bookWithProof((...a) => endpoints.book(...a), proofOf(flow), isGuest);
      }
      return book(...args);
    },
    prepareBooking: () => {
      if (isGuest()) void loadFlow().then((flow) => proofOf(flow).prepare(), ignore);
    },
  };
}

export function createBackendClient(
  config: WidgetConfig,
  hooks: {
    onWait: (seconds: number) => void;
    /** The backend's configuration arrived. */
    onRemote: (remote: BackendConfiguration) => void;
    /** A try to read it failed (it is tried again a few times). */
    onRemoteFailed: (error: unknown) => void;
  },
): BackendClient {
  const common = {
    baseUrl: config.apiUrl,
    // Only a rate limit gets the "many requests, retrying in n s" notice; other retries (5xx, a
    // dropped connection) happen under the step's own loading or sending state.
    onWait: ({ reason, ms }: { reason: string; ms: number }) => {
      if (reason === 'rate_limited') hooks.onWait(Math.max(1, Math.ceil(ms / 1000)));
    },
  };
  let session: UserSession | null = null;
  const catalogue = createHttpClient(common);
  const http = createHttpClient({
    ...common,
    getToken: (o) => (session?.signedIn ? session.getToken(o) : Promise.resolve(null)),
  });
  const client: BackendClient = {
    api: guestEndpoints(catalogue, http, config.backend, () => !session?.signedIn),
    http,
    config,
    remote: null,
    get session() {
      return session;
    },
    useSession: (next) => void (session = next),
  };
  // After the first step's data has been asked for (this task): that request takes the open
  // connection, and this one, needed by no first screen, a new one.
  setTimeout(() =>
    loadRemote(
      config.backend,
      (remote) => {
        client.remote = remote;
        hooks.onRemote(remote);
      },
      hooks.onRemoteFailed,
    ),
  );
  return client;
}

const ignore = (): void => undefined;

/** Waits before asking the backend for its configuration again, after a failure. */
const REMOTE_RETRY_MS = [2_000, 10_000, 30_000];

/**
 * Reads the backend's configuration; a failure (the backend down a moment) is asked again a few
 * times, so the phone number and the sign-in come back with the backend.
 */
function loadRemote(
  backend: string,
  done: (remote: BackendConfiguration) => void,
  failed: (error: unknown) => void,
  tries = 0,
) {
  loadBackendConfiguration(backend).then(done, (error: unknown) => {
    failed(error); // named once per set-up (element/diagnose.ts)
    const wait = REMOTE_RETRY_MS[tries];
    if (wait !== undefined) setTimeout(() => loadRemote(backend, done, failed, tries + 1), wait);
  });
}
