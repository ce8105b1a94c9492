import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { StartedTokenServer } from '../../server/token-server/node-adapter.js';
import { startTokenServer } from '../../server/token-server/node-adapter.js';

type StartSandbox = (options: {
  port: number;
  quiet?: boolean;
  env?: Record<string, string>;
}) => Promise<{ url: string; close(): Promise<void> }>;

const ORIGIN = 'http://localhost:5173';
const SANDBOX_SOURCE = new URL('../../server/sandbox/app.ts', import.meta.url);

/** `startSandbox` from server/sandbox/app.ts, or the reason the suite is skipped. */
async function loadSandbox(): Promise<StartSandbox | string> {
  const specifier = '../../server/sandbox/app.js'; // a variable: no static dependency on it
  let mod: unknown;
  try {
    mod = await import(specifier);
  } catch (error) {
    const missing =
      error instanceof Error &&
      'code' in error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      !existsSync(SANDBOX_SOURCE);
    if (missing) return 'server/sandbox/app.ts does not exist (yet)';
    throw error; // the module is there but broken: fail loudly
  }
  const start = (mod as { startSandbox?: unknown }).startSandbox;
  if (typeof start !== 'function') return 'server/sandbox/app.ts does not export startSandbox';
  return start as StartSandbox;
}

const sandbox = await loadSandbox();
const skip = typeof sandbox === 'string' ? sandbox : false;

describe('token server against the sandbox portal', () => {
  it(
    'issues a basic-scope guest token that the patient API accepts, then serves it from cache',
    { skip },
    async () => {
      if (typeof sandbox === 'string') return;
      const logs: string[] = [];
      const portal = await sandbox({ port: 0, quiet: true, env: {} }); // env: {} ignores SANDBOX_*
      const server = await startTokenServer(
        {
          portalUrl: portal.url,
          clientId: 'demo-client',
          clientSecret: 'demo-secret',
          allowedOrigins: [ORIGIN],
        },
        { log: (line) => logs.push(line) },
      );
      try {
        await exercise(server, portal.url, logs);
      } finally {
        await server.close();
        await portal.close();
      }
    },
  );
});

async function exercise(server: StartedTokenServer, portalUrl: string, logs: string[]) {
  const post = () =>
    fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'X-Patient-Booking': '1' },
    });
  const response = await post();
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.ok(!text.includes('demo-secret'));
  const token = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(token).sort(), ['access_token', 'expires_in', 'token_type']);
  assert.equal(token.token_type, 'Bearer');
  assert.equal(typeof token.access_token, 'string');
  assert.ok(typeof token.expires_in === 'number' && token.expires_in > 0);

  const api = await fetch(`${portalUrl}/api/patient/v1/insurances`, {
    headers: { Authorization: `Bearer ${String(token.access_token)}` },
  });
  assert.equal(api.status, 200, await api.clone().text());

  const again = (await (await post()).json()) as Record<string, unknown>;
  assert.equal(again.access_token, token.access_token);
  assert.deepEqual(
    logs.map((line) => line.split(' ').pop()),
    ['cache=miss', 'cache=hit'],
  );
  assert.ok(logs.every((line) => !line.includes('demo-secret')));
}
