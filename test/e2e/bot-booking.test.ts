// A script against the deployed stack, as one would write it to book out a practice's calendar:
// it sends what a browser sends (Origin, Sec-Fetch-Site, Content-Type, a fresh Idempotency-Key)
// but runs none of the widget's code. Guest bookings need a solved proof of work, each solution
// books once, and budgets per IP, email and slot cap what a script that solves them can do; junk
// from one address leaves everyone else served.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import { DEFAULTS } from '../../server/backend/config.js';
import { proofFrom } from '../support/proof.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
before(async () => {
  // The production proof of work, as a script would meet it (the other tests' stacks ask less).
  stack = await startStack({ backend: { proof: DEFAULTS.proof } });
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

const API = '/api/patient/v1';

async function booked(): Promise<number> {
  const body = (await stack.control('/bookings', undefined, 'GET')) as { data: unknown[] };
  return body.data.length;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Free slots, as the script reads them (a GET anyone may make). */
async function freeSlots(base: string, headers: Record<string, string> = {}): Promise<string[]> {
  const query = `from=${day(1)}&to=${day(25)}&insurance_id=136`;
  const response = await fetch(`${base}${API}/appointment_types/198/availabilities?${query}`, {
    headers,
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { data: Array<{ id: string }> }).data.map((s) => s.id);
}

function patient(n: number) {
  return {
    first_name: 'Bot',
    last_name: `Number${n}`,
    email: `bot${n}@example.com`,
    born_on: '1980-01-01',
    gender: 'd',
    mobile: '+49 151 0000000',
    insurance: 'TK',
  };
}

/** What a browser on the practice's page sends with a booking; the script adds what it likes. */
function browserHeaders(origin: string, extra: Record<string, string> = {}) {
  return {
    Origin: origin,
    'Sec-Fetch-Site': 'same-origin',
    'Sec-Fetch-Mode': 'cors',
    'Content-Type': 'application/json',
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
    'Idempotency-Key': randomUUID(),
    ...extra,
  };
}

async function book(base: string, headers: Record<string, string>, slot: string, n: number) {
  const response = await fetch(`${base}${API}/booking`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      availability_id: slot,
      patient_data: patient(n),
      structured_comment: {},
    }),
  });
  const text = await response.text();
  return { status: response.status, error: (JSON.parse(text) as { error?: string }).error };
}

const tally = (list: Array<{ status: number; error?: string }>) => {
  const out: Record<string, number> = {};
  for (const { status, error } of list) {
    const key = `${status}${error ? ` ${error}` : ''}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

describe('a booking script with a browser’s headers, none of the widget’s code', () => {
  it('tries 30 guest bookings: none is booked, the portal is never asked', async () => {
    const base = `${stack.web.origin}/dist`;
    const slots = await freeSlots(base);
    assert.ok(slots.length >= 30, `only ${slots.length} free slots`);
    const before = stack.backendStats().upstream.api;
    const results = [];
    for (let i = 0; i < 30; i += 1) {
      results.push(await book(base, browserHeaders(stack.web.origin), slots[i]!, i));
    }
    assert.deepEqual(tally(results), { '403 proof_required': 30 });
    assert.equal(await booked(), 0, 'bookings in the sandbox');
    assert.equal(stack.backendStats().upstream.api, before, 'no booking reached the portal');
  });

  it('an unsolved or replayed proof books nothing more: one solution, one booking', async () => {
    const base = `${stack.web.origin}/dist`;
    const slots = await freeSlots(base);
    const challenge = await (await fetch(`${base}/pow-challenge`)).json();
    const unsolved = btoa(JSON.stringify({ ...(challenge as object), number: 0 }));
    const solved = await proofFrom(base);
    const results = [];
    for (let i = 0; i < 15; i += 1) {
      const proof = i % 2 ? unsolved : solved;
      const headers = browserHeaders(stack.web.origin, { 'X-Booking-Proof': proof });
      results.push(await book(base, headers, slots[i]!, i));
    }
    assert.deepEqual(tally(results), { '201': 1, '403 proof_invalid': 14 });
    assert.equal(await booked(), 1);
  });
});

describe('with the budgets on (a backend as deployed, behind a proxy)', () => {
  let backend: StartedBackend;
  before(async () => {
    backend = await startBackend(
      {
        port: 0,
        portalUrl: stack.portal,
        clientId: 'demo-client',
        clientSecret: 'demo-secret',
        allowedOrigins: [],
        trustProxy: ['127.0.0.1'], // the proxy in front says who the client is
        rateLimit: { limit: 60, proxyLimit: 100, windowSeconds: 60 },
        cache: { catalogueTtlSeconds: 0, availabilityTtlSeconds: 0 },
        // the default budgets (5 per IP and hour, 3 per email and day, 3 per slot and 10 minutes)
      },
      { log: () => {} },
    );
  });
  after(() => backend?.close());

  const from = (ip: string, extra: Record<string, string> = {}) =>
    browserHeaders(backend.url, { 'X-Forwarded-For': ip, ...extra });

  it('a script that solves every challenge itself books at most 5 from one address', async () => {
    const slots = await freeSlots(backend.url, { 'X-Forwarded-For': '203.0.113.50' });
    const results = [];
    for (let i = 0; i < 30; i += 1) {
      const proof = await proofFrom(backend.url, { 'X-Forwarded-For': '203.0.113.50' });
      results.push(
        await book(backend.url, from('203.0.113.50', { 'X-Booking-Proof': proof }), slots[i]!, i),
      );
    }
    assert.deepEqual(tally(results), { '201': 5, '429 booking_limited': 25 });
    assert.equal(await booked(), 5);
  });

  it('400 junk requests from one address leave another visitor answered', async () => {
    const junk = [];
    for (let i = 0; i < 400; i += 1) {
      const kind = i % 4;
      if (kind === 0)
        junk.push((await book(backend.url, from('198.51.100.66'), `x${i}`, i)).status);
      else if (kind === 1) {
        const headers = from('198.51.100.66', { 'X-Booking-Proof': btoa('{"junk":1}') });
        junk.push((await book(backend.url, headers, `x${i}`, i)).status);
      } else {
        const response = await fetch(`${backend.url}${API}/insurances?utm=${i}&page=${i}`, {
          headers: { 'X-Forwarded-For': '198.51.100.66' },
        });
        await response.body?.cancel();
        junk.push(response.status);
      }
    }
    assert.ok(junk.filter((s) => s === 429).length >= 300, 'the junk address is throttled');
    assert.equal(await booked(), 0);
    const visitor = await fetch(`${backend.url}${API}/insurances?per_page=100`, {
      headers: { 'X-Forwarded-For': '192.0.2.77' },
    });
    assert.equal(visitor.status, 200, 'another visitor’s first request');
    const [slot] = await freeSlots(backend.url, { 'X-Forwarded-For': '192.0.2.77' });
    const proof = await proofFrom(backend.url, { 'X-Forwarded-For': '192.0.2.77' });
    const result = await book(
      backend.url,
      from('192.0.2.77', { 'X-Booking-Proof': proof }),
      slot!,
      1,
    );
    assert.equal(result.status, 201, 'and their booking');
  });
});
