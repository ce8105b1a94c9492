// `npm run backend` with TENANTS_FILE and REDIS_URL (a real redis-server, started here): the
// practices of the file are served by path, a broken one is named with its field, the state is
// shared (health), and neither the secret nor a token appears in the process's output.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stopped } from '../support/child-process.js';
import type { FakePortal } from '../support/fake-portal.js';
import { startFakePortal } from '../support/fake-portal.js';
import type { RedisServer } from '../support/redis.js';
import { startRedis } from '../support/redis.js';

const SECRET = 'Praxis-A-Secret-0815';

let redis: RedisServer;
let portal: FakePortal;
let dir: string;
let child: ChildProcess | undefined;
let output = '';

describe('npm run backend with many practices on Redis', { timeout: 30_000 }, () => {
  before(async () => {
    [redis, portal] = await Promise.all([startRedis(), startFakePortal()]);
    dir = await mkdtemp(join(tmpdir(), 'pb-tenants-'));
    await mkdir(join(dir, 'widget'));
    await writeFile(join(dir, 'widget', 'patient-booking.js'), 'export {};\n');
    const tenants = [
      {
        id: 'praxis-a',
        path: '/praxis-a',
        env: {
          PORTAL_URL: portal.url,
          CLIENT_ID: 'client-a',
          CLIENT_SECRET_ENV: 'PRAXIS_A_SECRET',
          PRACTICE_PHONE: '030 1234567',
        },
      },
      { id: 'praxis-b', path: '/praxis-b', env: { PORTAL_URL: 'portal', CLIENT_ID: 'b' } },
    ];
    await writeFile(join(dir, 'tenants.json'), JSON.stringify({ tenants }));
    child = spawn(process.execPath, ['--import', 'tsx', 'server/backend/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        TENANTS_FILE: join(dir, 'tenants.json'),
        REDIS_URL: redis.url,
        POW_HMAC_KEY: 'h'.repeat(32),
        PRAXIS_A_SECRET: SECRET,
        WIDGET_DIR: join(dir, 'widget'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer) => (output += chunk.toString());
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    while (!/listening on http:\/\/localhost:\d+\//.test(output)) {
      if (child.exitCode !== null) throw new Error(`backend exited: ${output}`);
      await new Promise((resolve) => child?.stdout?.once('data', resolve));
    }
  });
  after(async () => {
    if (child) await stopped(child);
    await Promise.all([redis.stop(), portal.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the practices of the file, names the broken one, shares its state', async () => {
    const base = /listening on (http:\/\/localhost:\d+)\//.exec(output)?.[1] ?? '';
    const config = await fetch(`${base}/praxis-a/config`);
    assert.equal(config.status, 200);
    const { practice } = (await config.json()) as { practice: { phone: string } };
    assert.equal(practice.phone, '030 1234567');
    const insurances = await fetch(`${base}/praxis-a/api/patient/v1/insurances`);
    assert.equal(insurances.status, 200);
    assert.equal((await fetch(`${base}/praxis-b/config`)).status, 503);
    assert.deepEqual(await (await fetch(`${base}/health`)).json(), {
      status: 'ok',
      store: 'shared',
    });
    assert.match(output, /tenant "praxis-b": CLIENT_SECRET: required for each tenant/);
    assert.match(output, /backend: 1 tenant\(s\): praxis-a/);
    while (!output.includes('praxis-a GET /api/patient/v1/insurances 200')) {
      await new Promise((resolve) => child?.stdout?.once('data', resolve));
    }
    assert.ok(!output.includes(SECRET), 'no secret in the output');
    assert.ok(!output.includes('tok-1'), 'no token in the output');
  });
});
