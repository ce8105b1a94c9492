// The Workers entry with many practices (TENANTS) and its state in a Durable Object (STATE), in
// workerd through Miniflare: two Workers with the same script stand for two isolates that share
// nothing but the object. A proof of work books once across both, a per-IP limit holds across
// both, and each practice's portal sees one guest token request.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import { proofFrom } from '../support/proof.js';
import { bundleWorker } from '../support/worker-bundle.js';

const API = '/api/patient/v1';
const ORIGIN = 'https://clinic.example';

let portals: FakePortal[];
let mf: Miniflare;
let dir: string;

/** `fetch` onto Worker `name` (`a` or `b`) as client `ip`. */
const via =
  (name: 'a' | 'b', ip = '198.51.100.1'): typeof fetch =>
  (input, init) => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {
      ...(init?.headers as Record<string, string> | undefined),
      'CF-Connecting-IP': ip,
      Origin: ORIGIN,
    };
    return mf.dispatchFetch(`http://${name}.test${url.pathname}${url.search}`, {
      ...(init?.method ? { method: init.method } : {}),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      headers,
    }) as unknown as Promise<Response>;
  };

describe('workerd: tenants and a Durable Object store', { timeout: 30_000 }, () => {
  before(async () => {
    portals = await Promise.all([startFakePortal(), startFakePortal()]);
    dir = await mkdtemp(join(tmpdir(), 'pb-worker-store-'));
    const { scriptPath } = await bundleWorker(dir);
    const tenants = portals.map((portal, i) => ({
      id: `praxis-${i + 1}`,
      path: `/praxis-${i + 1}`,
      env: {
        PORTAL_URL: portal.url,
        CLIENT_ID: `client-${i + 1}`,
        CLIENT_SECRET: `secret-${i}`,
        ALLOWED_ORIGINS: ORIGIN,
      },
    }));
    const bindings = {
      TENANTS: JSON.stringify({ tenants }),
      POW_HMAC_KEY: 'w'.repeat(32),
      POW_MAX_NUMBER: '1000',
      API_RATE_LIMIT: '6',
      QUIET: '1',
    };
    const worker = { modules: true, scriptPath, modulesRoot: dir, compatibilityDate: '2026-04-01' };
    mf = new Miniflare({
      workers: [
        {
          ...worker,
          name: 'a',
          routes: ['a.test/*'],
          bindings,
          durableObjects: { STATE: 'StoreObject' },
        },
        {
          ...worker,
          name: 'b',
          routes: ['b.test/*'],
          bindings,
          durableObjects: { STATE: { className: 'StoreObject', scriptName: 'a' } },
        },
      ],
      cf: false,
    });
    await mf.ready;
  });
  after(async () => {
    await Promise.allSettled([mf?.dispose(), ...portals.map((p) => p.close())]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('asks each practice portal for one guest token across both Workers', async () => {
    const answers = await Promise.all(
      (['a', 'b'] as const).flatMap((name, i) =>
        ['praxis-1', 'praxis-2'].flatMap((tenant) =>
          ['insurances', 'locations'].map((path) =>
            via(name, `198.51.100.${10 + i}`)(`http://x/${tenant}${API}/${path}`),
          ),
        ),
      ),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      Array.from({ length: 8 }, () => 200),
    );
    assert.deepEqual(
      portals.map((p) => p.tokenRequests().length),
      [1, 1],
    );
  });

  it('accepts a proof of work once across both Workers', async () => {
    const proof = await proofFrom('http://x/praxis-1', { Origin: ORIGIN }, via('a'));
    const book = (name: 'a' | 'b') =>
      via(name, '198.51.100.20')(`http://x/praxis-1${API}/booking`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Booking-Proof': proof },
        body: JSON.stringify({ availability_id: '1', patient_data: { email: 'e@example.com' } }),
      });
    assert.equal((await book('a')).status, 201);
    const replay = await book('b');
    assert.equal(replay.status, 403);
    assert.equal(((await replay.json()) as { error: string }).error, 'proof_invalid');
  });

  it('holds a per-IP limit across both Workers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const response = await via(
        i % 2 ? 'b' : 'a',
        '203.0.113.7',
      )(`http://x/praxis-2${API}/insurances`);
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
  });
});
