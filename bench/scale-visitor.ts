// One simulated guest of the scale bench, through the whole guest flow of one practice (tenant):
// configuration, catalogue, times, a proof of work, the booking. Each step is timed; a failed
// request (the instance behind the cache died: 502/503, a reset) is sent again after a pause, the
// booking with the same proof and Idempotency-Key, as the widget's retry does.
import { solve } from '../test/support/proof.js';
import type { Challenge } from '../test/support/proof.js';

export const STEPS = [
  'config',
  'insurances',
  'categories',
  'types',
  'availabilities',
  'challenge',
  'booking',
] as const;
export type Step = (typeof STEPS)[number];

const API = '/api/patient/v1';
const PATHS: Record<Exclude<Step, 'booking'>, string> = {
  config: '/config',
  insurances: `${API}/insurances?page=1&per_page=100`,
  categories: `${API}/appointment_categories`,
  types: `${API}/appointment_types`,
  availabilities: `${API}/appointment_types/1/availabilities`,
  challenge: '/pow-challenge',
};
const TRIES = 20;
const PAUSE_MS = 100;

export interface Visit {
  /** ms per step, the retries included. */
  times: Partial<Record<Step, number>>;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** The booking was sent more than once (its instance died, or its answer was lost). */
  bookingRetried: boolean;
  booked: boolean;
  email: string;
  /** Statuses of the requests sent again (0: no answer), by step. */
  retried: string[];
  /** Where a visit that did not book stopped: `step status`. */
  failed?: string;
}

/** Visitor `n` of practice `tenant`, behind the cache at `base`, from its own address. */
export async function visit(base: string, tenant: string, n: number): Promise<Visit> {
  const email = `visitor-${n}@example.com`;
  const result: Visit = {
    times: {},
    requests: 0,
    booked: false,
    bookingRetried: false,
    email,
    retried: [],
  };
  const headers = {
    'Sec-Fetch-Site': 'same-origin',
    'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  };
  const send = async (step: Step, url: string, init: RequestInit = {}) => {
    const started = performance.now();
    try {
      for (let attempt = 1; ; attempt += 1) {
        result.requests += 1;
        const response = await fetch(url, { ...init, headers: { ...headers, ...init.headers } })
          .then(async (r) => ({ status: r.status, text: await r.text() }))
          .catch(() => ({ status: 0, text: '' }));
        if ((response.status !== 0 && response.status < 500) || attempt === TRIES) return response;
        result.retried.push(`${step} ${response.status}`);
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    } finally {
      result.times[step] = performance.now() - started;
    }
  };
  const root = `${base}/${tenant}`;
  let challenge: Challenge | undefined;
  for (const [step, path] of Object.entries(PATHS) as Array<[Step, string]>) {
    const { status, text } = await send(step, root + path);
    if (status !== 200) return { ...result, failed: `${step} ${status} ${text.slice(0, 80)}` };
    if (step === 'challenge') challenge = JSON.parse(text) as Challenge;
  }
  const proof = await solve(challenge as Challenge);
  const before = result.requests;
  const booking = await send('booking', `${root}${API}/booking`, {
    method: 'POST',
    headers: {
      Origin: base,
      'Content-Type': 'application/json',
      'Idempotency-Key': `visit-${tenant}-${n}`,
      'X-Booking-Proof': proof,
    },
    body: JSON.stringify({ availability_id: `slot-${n}`, patient_data: { email } }),
  });
  result.booked = booking.status === 201;
  result.bookingRetried = result.requests - before > 1;
  if (!result.booked) result.failed = `booking ${booking.status} ${booking.text.slice(0, 80)}`;
  return result;
}
