// Many practices in one deployment (TENANTS_FILE): chosen by Host or by path prefix, each with
// its own portal, client and practice facts; a broken tenant is named with its field and answers
// 503 alone; secrets never reach an answer or a log. Two instances on one Redis (started here)
// ask each tenant's portal for one guest token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RedisStore } from '../../server/backend/redis-store.js';
import { redisStore } from '../../server/backend/redis-store.js';
import type { TenantBackends } from '../../server/backend/tenant-router.js';
import { createTenantBackends } from '../../server/backend/tenant-router.js';
import { readTenants } from '../../server/backend/tenants.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import type { RedisServer } from '../support/redis.js';
import { startRedis } from '../support/redis.js';

const SECRET_A = 'Secret-Of-Praxis-A-4711';
const SECRET_B = 'Secret-Of-Praxis-B-0815';

let portalA: FakePortal;
let portalB: FakePortal;
let redis: RedisServer;
const stores: RedisStore[] = [];
const output: string[] = [];

function tenantsFile() {
  return {
    tenants: [
      {
        id: 'praxis-a',
        hosts: ['termine.praxis-a.example'],
        env: {
          PORTAL_URL: portalA.url,
          CLIENT_ID: 'client-a',
          CLIENT_SECRET: SECRET_A,
          PRACTICE_PHONE: '030 111111',
        },
      },
      {
        id: 'praxis-b',
        path: '/praxis-b',
        env: {
          PORTAL_URL: portalB.url,
          CLIENT_ID: 'client-b',
          CLIENT_SECRET_ENV: 'PRAXIS_B_SECRET',
          PRACTICE_PHONE: '040 222222',
        },
      },
      {
        id: 'praxis-c',
        hosts: ['praxis-c.example'],
        env: { PORTAL_URL: 'ftp://portal.example', CLIENT_ID: 'c', CLIENT_SECRET: 'x' },
      },
      { id: 'praxis-d', hosts: ['termine.praxis-a.example'], env: {} },
      { id: 'praxis-e', path: '/praxis-e', env: { PORTAL_URL: portalA.url, CLIENT_ID: 'e' } },
    ],
  };
}

function instance(store?: RedisStore): TenantBackends {
  const env = { PRAXIS_B_SECRET: SECRET_B, POW_HMAC_KEY: 'k'.repeat(32) };
  const { tenants, problems } = readTenants(tenantsFile(), env);
  const log = (line: string) => output.push(line);
  return createTenantBackends(tenants, problems, { log, warn: log, ...(store ? { store } : {}) });
}

const get = (backends: TenantBackends, url: string, host?: string) =>
  backends.handle(new Request(url, host ? { headers: { Host: host } } : {}));

describe('tenants', { timeout: 20_000 }, () => {
  before(async () => {
    [portalA, portalB, redis] = await Promise.all([
      startFakePortal(),
      startFakePortal(),
      startRedis(),
    ]);
  });
  after(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all([portalA.close(), portalB.close(), redis.stop()]);
  });

  it('names each broken tenant and its field, never a secret', () => {
    const { tenants, problems } = readTenants(tenantsFile(), { PRAXIS_B_SECRET: SECRET_B });
    assert.deepEqual(
      tenants.map((t) => t.id),
      ['praxis-a', 'praxis-b'],
    );
    const messages = problems.map((p) => p.message);
    assert.match(messages[0] ?? '', /^tenant "praxis-c": PORTAL_URL: /);
    assert.match(messages[1] ?? '', /^tenant "praxis-d": host: host termine.praxis-a.example/);
    assert.equal(messages[2], 'tenant "praxis-e": CLIENT_SECRET: required for each tenant');
    const missing = readTenants(tenantsFile(), {}).problems.map((p) => p.message);
    assert.ok(
      missing.includes(
        'tenant "praxis-b": CLIENT_SECRET_ENV: the variable PRAXIS_B_SECRET is not set',
      ),
    );
  });

  it('serves each practice by host or path; a broken one answers 503 alone', async () => {
    const backends = instance();
    const a = await get(backends, 'http://x/config', 'termine.praxis-a.example:443');
    assert.equal(a.status, 200);
    const configA = (await a.json()) as { practice: { phone: string } };
    assert.equal(configA.practice.phone, '030 111111');
    const b = await get(backends, 'http://backend.example/praxis-b/config');
    const configB = (await b.json()) as { practice: { phone: string } };
    assert.equal(configB.practice.phone, '040 222222');
    const c = await get(backends, 'http://x/config', 'praxis-c.example');
    assert.equal(c.status, 503);
    assert.equal((await get(backends, 'http://x/config', 'other.example')).status, 404);
    const insurances = await get(backends, 'http://x/praxis-b/api/patient/v1/insurances');
    assert.equal(insurances.status, 200);
    assert.equal(
      portalB.tokenRequests()[0]?.authorization,
      `Basic ${btoa(`client-b:${SECRET_B}`)}`,
    );
    assert.equal(portalA.tokenRequests().length, 0);
    assert.ok(
      output.some((line) => line.startsWith('praxis-b GET /api/patient/v1/insurances 200')),
    );
    const seen = JSON.stringify([configA, configB, output]);
    for (const secret of [SECRET_A, SECRET_B]) assert.ok(!seen.includes(secret));
  });

  it('two instances on one Redis ask each tenant portal for one guest token', async () => {
    portalA.reset();
    portalB.reset();
    const pair = [0, 1].map(() => {
      const store = redisStore({ url: redis.url, now: Date.now, warn: () => undefined });
      stores.push(store);
      return store;
    });
    await Promise.all(pair.map((s) => s.ready(5000)));
    const [one, two] = pair.map((store) => instance(store)) as [TenantBackends, TenantBackends];
    const answers = await Promise.all(
      [one, two].flatMap((backends) =>
        ['insurances', 'locations', 'institutions'].flatMap((path) => [
          get(backends, `http://x/api/patient/v1/${path}`, 'termine.praxis-a.example'),
          get(backends, `http://x/praxis-b/api/patient/v1/${path}`),
        ]),
      ),
    );
    assert.ok(answers.every((r) => r.status === 200));
    assert.equal(portalA.tokenRequests().length, 1);
    assert.equal(portalB.tokenRequests().length, 1);
    const health = (await (await get(one, 'http://x/health')).json()) as { store: string };
    assert.equal(health.store, 'shared');
  });
});
