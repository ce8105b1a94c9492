/**
 * The proof of work a guest's booking carries, made while the patient fills in the details:
 * `prepare()` fetches a challenge and solves it in a Web Worker (`pow-worker.ts`); "Book now"
 * takes the solution, waiting for it if need be. One solution per booking: the same booking sent
 * again (its idempotency key) takes the same one, another booking a new one. Where no worker can
 * start (a page on another origin than the widget's files, a CSP without them in `worker-src`),
 * the page solves it itself in slices of a few milliseconds.
 */
import type { BookingInput, CataloguePortal } from '../api/portal-catalogue.js';
import type { PowChallenge } from '../api/pow-challenge.js';
import { isProofRefusal, proofHeader } from '../api/pow-challenge.js';
import { raceAbort } from '../api/retry.js';
import type { PowTask } from './pow-solve.js';
import workerUrl from './pow-worker.ts?worker&url';
import { loadPowSolver } from '../lazy/load-pow-solver.js';

export type Solver = (task: PowTask) => Promise<number | null>;

interface Pending {
  header: Promise<string>;
  /** The challenge's expiry (ms), once it is here; 0: not said. */
  expiresAt?: number;
  /** The booking (idempotency key) that took it. */
  takenBy?: string;
  failed?: boolean;
}

/** A solution this close to its expiry is not used: the booking could arrive after it. */
const MARGIN_MS = 30_000;

export class BookingProof {
  private pending: Pending | null = null;

  constructor(
    private readonly fetchChallenge: (signal: AbortSignal) => Promise<PowChallenge>,
    private readonly solver: Solver = solveInWorker,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts on a solution unless one is ready or on its way. */
  prepare(): void {
    if (!this.usable()) this.pending = this.start();
  }

  /** The `X-Booking-Proof` value for the booking with `key`. */
  take(key: string, signal: AbortSignal): Promise<string> {
    const p = this.pending;
    const same = p !== null && !p.failed && p.takenBy === key;
    const pending = same ? p : this.usable() ? p! : this.start();
    pending.takenBy = key;
    this.pending = pending;
    return raceAbort(pending.header, signal);
  }

  /** The backend refused the last one (expired, spent): the next `take` starts anew. */
  renew(): void {
    this.pending = null;
  }

  private usable(): boolean {
    const p = this.pending;
    return p !== null && !p.failed && p.takenBy === undefined && !this.stale(p);
  }

  private stale(p: Pending): boolean {
    return p.expiresAt !== undefined && p.expiresAt > 0 && p.expiresAt - MARGIN_MS < this.now();
  }

  private start(): Pending {
    const pending: Pending = {
      header: this.fetchChallenge(new AbortController().signal).then(async (c) => {
        pending.expiresAt = c.expiresAt;
        const number = await this.solver(c);
        if (number === null) throw new Error('proof of work: no solution');
        return proofHeader(c, number);
      }),
    };
    pending.header.catch(() => (pending.failed = true));
    return pending;
  }
}

/**
 * `book` for a guest with a proof; when the backend refuses that (it expired meanwhile, or was
 * spent by a booking sent twice), once more with a new one. A signed-in patient's goes without.
 */
export function bookWithProof(
  book: CataloguePortal['book'],
  proof: BookingProof,
  isGuest: () => boolean,
): CataloguePortal['book'] {
  return async (input: BookingInput, signal: AbortSignal) => {
    if (!isGuest()) return book(input, signal);
    const withProof = async () =>
      book({ ...input, proof: await proof.take(input.idempotencyKey, signal) }, signal);
    try {
      return await withProof();
    } catch (error) {
      if (!isProofRefusal(error)) throw error;
      proof.renew();
      return withProof();
    }
  };
}

/** The trusted-types policy that vouches for the worker's URL (strict CSPs name it). */
let policy: { createScriptURL(url: string): unknown } | undefined;

/**
 * The worker's URL, as a `TrustedScriptURL` where the browser has Trusted Types: a page that
 * requires them lists `patient-booking` in `trusted-types`, else this throws (solved here then).
 */
function trustedWorkerUrl(): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
  if (!tt) return workerUrl;
  policy ??= tt.createPolicy('patient-booking', {
    createScriptURL: (url) => {
      if (url !== workerUrl) throw new TypeError('patient-booking: only its own worker');
      return url;
    },
  });
  return policy.createScriptURL(workerUrl) as string;
}

interface TrustedTypes {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

/** Solves `task` in a Web Worker; where none starts, on this thread in slices. */
export function solveInWorker(task: PowTask): Promise<number | null> {
  let worker: Worker;
  try {
    worker = new Worker(trustedWorkerUrl(), { type: 'module' });
  } catch {
    return solveHere(task);
  }
  return new Promise((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<number | null>) => {
      worker.terminate();
      resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(solveHere(task));
    };
    const { challenge, salt, maxnumber } = task;
    worker.postMessage({ challenge, salt, maxnumber });
  });
}

/** Hashes per slice on this thread: a few milliseconds, then the page gets its turn. */
const SLICE = 2_000;

async function solveHere(task: PowTask): Promise<number | null> {
  const { search } = await loadPowSolver();
  for (let from = 0; from <= task.maxnumber; from += SLICE) {
    const found = search(task, from, Math.min(from + SLICE, task.maxnumber + 1));
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}
