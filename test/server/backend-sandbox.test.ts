// The token server against the real sandbox portal: in-process, and as the process
// `npm run token-server` starts, whose whole output (stdout and stderr) must never show the
// client secret or a token.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../server/sandbox/app.js';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';

const ORIGIN = 'http://localhost:5173';
const SECRET = 'demo-secret'; // the sandbox's confidential client

let portal: Sandbox;
before(async () => {
  portal = await startSandbox({ port: 0, quiet: true, env: {} }); // env: {} ignores SANDBOX_*
});
after(() => portal?.close());

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { Origin: ORIGIN, 'X-Patient-Booking': '1', ...headers } });

describe('token server against the sandbox portal', () => {
  it('issues a basic-scope guest token that the patient API accepts, then serves it from cache', async () => {
    const logs: string[] = [];
    const server = await startBackend(
      {
        portalUrl: portal.url,
        clientId: 'demo-client',
        clientSecret: SECRET,
        allowedOrigins: [ORIGIN],
      },
      { log: (line) => logs.push(line) },
    );
    try {
      await exercise(server, logs);
    } finally {
      await server.close();
    }
  });

  it('as a process: its whole output never shows the secret or a token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/backend/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        PORTAL_URL: portal.url,
        CLIENT_ID: 'demo-client',
        CLIENT_SECRET: SECRET,
        ALLOWED_ORIGINS: ORIGIN,
        REDIRECT_URIS: `${ORIGIN}/callback.html`,
        PROXY: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line in: ${output}`)), 20_000);
        child.stdout.on('data', () => {
          const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
          if (url) resolve((clearTimeout(timer), url));
        });
      });
      const token = (await (await post(`${base}/token`)).json()) as { access_token: string };
      assert.equal(typeof token.access_token, 'string');
      await post(`${base}/token`); // from the cache
      // Refusals and failures, which log too: a foreign origin, a bad login code, a proxied GET.
      assert.equal((await post(`${base}/token`, { Origin: 'https://evil.test' })).status, 403);
      const login = await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { Origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'not-a-code',
          redirect_uri: `${ORIGIN}/callback.html`,
          code_verifier: 'x'.repeat(43),
          client_id: 'demo-client',
        }),
      });
      assert.ok(login.status >= 400, `a bad code is refused (${login.status})`);
      const proxied = await fetch(`${base}/api/patient/v1/insurances`, {
        headers: { Origin: ORIGIN, 'X-Patient-Booking': '1' },
      });
      assert.equal(proxied.status, 200);

      child.kill('SIGTERM');
      await exited;
      assert.match(output, /token-server listening on/);
      assert.match(output, /cache=miss/);
      assert.ok(!output.includes(SECRET), 'the secret is not in the output');
      assert.ok(!output.includes(token.access_token), 'the token is not in the output');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

async function exercise(server: StartedBackend, logs: string[]) {
  const response = await post(`${server.url}/token`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.ok(!text.includes(SECRET));
  const token = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(token).sort(), ['access_token', 'expires_in', 'token_type']);
  assert.equal(token.token_type, 'Bearer');
  assert.equal(typeof token.access_token, 'string');
  assert.ok(typeof token.expires_in === 'number' && token.expires_in > 0);

  const api = await fetch(`${portal.url}/api/patient/v1/insurances`, {
    headers: { Authorization: `Bearer ${String(token.access_token)}` },
  });
  assert.equal(api.status, 200, await api.clone().text());

  const again = (await (await post(`${server.url}/token`)).json()) as Record<string, unknown>;
  assert.equal(again.access_token, token.access_token);
  assert.deepEqual(
    logs.map((line) => line.split(' ').pop()),
    ['cache=miss', 'cache=hit'],
  );
  assert.ok(logs.every((line) => !line.includes(SECRET)));
}
