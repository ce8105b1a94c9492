// Varnish (Debian's, started here, its built-in rules) in front of the backend: the catalogue is
// served from the cache to everyone, and no patient's answer, token, challenge or booking is ever
// stored, as Varnish's own log says (where each fetched object went: `s0` is the cache, Transient
// is a pass or an uncacheable object).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import { proofFrom } from '../support/proof.js';
import type { Varnish } from '../support/varnish.js';
import { oneBackend, startVarnish } from '../support/varnish.js';

const ORIGIN = 'https://clinic.example';
const SECRET = 'S3cret-Zebra-4711';
const API = '/api/patient/v1';

let portal: FakePortal;
let backend: StartedBackend;
let varnish: Varnish;

/** Varnish's log lines, once it has written `count` of them (it writes as transactions end). */
async function logOf(format: string, side: 'client' | 'backend', count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = await varnish.log(format, side);
    if (lines.length >= count || Date.now() > deadline) return lines;
  }
}

describe('a shared cache in front', { timeout: 20_000 }, () => {
  before(async () => {
    portal = await startFakePortal();
    backend = await startBackend({
      portalUrl: portal.url,
      clientId: 'widget-client',
      clientSecret: SECRET,
      allowedOrigins: [ORIGIN],
      redirectUris: ['https://clinic.example/pb/callback.html'],
      proof: { maxNumber: 2000 },
    });
    varnish = await startVarnish(oneBackend(Number(new URL(backend.url).port)));
  });
  after(async () => {
    await varnish.stop();
    await Promise.all([backend.close(), portal.close()]);
  });

  it('serves the catalogue from the cache and stores nothing of a patient', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${varnish.url}${path}`, { headers });
    const post = (path: string, body: string, headers: Record<string, string>) =>
      fetch(`${varnish.url}${path}`, {
        method: 'POST',
        headers: { Origin: ORIGIN, ...headers },
        body,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await get(`${API}/insurances`)).status);
    for (let i = 0; i < 2; i += 1) {
      statuses.push((await get('/config')).status);
      statuses.push((await get('/pow-challenge')).status);
      statuses.push((await get(`${API}/appointment_types/1/availabilities`)).status);
      statuses.push(
        (await get(`${API}/appointments`, { Authorization: 'Bearer patient-tok-1' })).status,
      );
    }
    const proof = await proofFrom(varnish.url);
    const booking = JSON.stringify({
      availability_id: '7',
      patient_data: { email: 'e@example.com' },
    });
    const json = { 'Content-Type': 'application/json' };
    statuses.push(
      (await post(`${API}/booking`, booking, { ...json, 'X-Booking-Proof': proof })).status,
    );
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    statuses.push((await post('/oauth/token', 'grant_type=refresh_token', form)).status);
    assert.deepEqual(
      statuses.slice(0, 11),
      [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    );
    assert.equal(statuses[11], 201);

    const answered = await logOf('%U %{Varnish:handling}x', 'client', 14);
    const hits = answered.filter((line) => line.endsWith(' hit')).map((line) => line.split(' ')[0]);
    assert.deepEqual(hits, [`${API}/insurances`, `${API}/insurances`, '/config']);
    const fetched = await logOf('%m %U %{VSL:Storage}x', 'backend', 11);
    const stored = fetched.filter((line) => line.endsWith('malloc s0'));
    assert.deepEqual(stored, [`GET ${API}/insurances malloc s0`, 'GET /config malloc s0']);
    const patient = fetched.filter((l) =>
      /appointments|booking|oauth|pow-challenge|availab/.test(l),
    );
    assert.equal(patient.length, 9, 'each of them reached the backend');
    assert.ok(
      patient.every((line) => !line.endsWith(' s0')),
      '0 patient answers stored',
    );
    const config = await (await get('/config')).text();
    assert.ok(!config.includes(SECRET));
    assert.equal(portal.apiRequests().filter((r) => r.path.includes('insurances')).length, 1);
  });
});
