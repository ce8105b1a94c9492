// The booking backend against the real sandbox portal, as the process `npm run backend` starts,
// whose whole output (stdout and stderr) must never show the client secret or a token.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../server/sandbox/app.js';

const ORIGIN = 'http://localhost:5173';
const SECRET = 'demo-secret'; // the sandbox's confidential client

let portal: Sandbox;
before(async () => {
  portal = await startSandbox({ port: 0, quiet: true, env: {} }); // env: {} ignores SANDBOX_*
});
after(() => portal?.close());

describe('booking backend against the sandbox portal', () => {
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
        WIDGET_DIR: 'dist',
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
          const url = /listening on (http:\/\/\S+?)\/? /.exec(output)?.[1];
          if (url) resolve((clearTimeout(timer), url));
        });
      });
      // Refusals and failures, which log too: a foreign origin, a bad login code, a proxied GET.
      const foreign = await fetch(`${base}/api/patient/v1/booking`, {
        method: 'POST',
        headers: { Origin: 'https://evil.test', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(foreign.status, 403);
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
        headers: { Origin: ORIGIN },
      });
      assert.equal(proxied.status, 200);
      const widget = await fetch(`${base}/patient-booking.js`);
      assert.equal(widget.status, 200);
      assert.match(widget.headers.get('content-type') ?? '', /javascript/);

      child.kill('SIGTERM');
      await exited;
      assert.match(output, /backend listening on/);
      assert.match(output, /cache=miss/);
      assert.ok(!output.includes(SECRET), 'the secret is not in the output');
      assert.ok(!/Bearer|access_token|eyJ/.test(output), 'no token is in the output');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
