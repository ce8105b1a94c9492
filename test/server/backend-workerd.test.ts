// The Workers entry (server/backend/worker.ts) bundled for a neutral platform and run in workerd
// through Miniflare, against the sandbox portal in this process: configuration, the cached guest
// API, the login exchange, the per-IP limit, the origin check and a refused set-up, as a Worker
// answers them.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import { startSandbox, type Sandbox } from '../../server/sandbox/app.js';
import { decodeSessionKey, sessionSealer } from '../../server/backend/session-cookie.js';
import { proofFrom } from '../support/proof.js';
import { bundleWorker } from '../support/worker-bundle.js';

/** The date `days` from now, as the API's `from`/`to` take it. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const CLIENT_ID = 'demo-client';
const SECRET = 'demo-secret'; // the sandbox's confidential client
const SITE = 'https://clinic.example'; // the practice's page, allowed to call the backend
const CALLBACK = `${SITE}/pb/callback.html`;
const WORKER = 'http://backend.test'; // dispatchFetch needs some URL; the Worker ignores the host
/** The host routed to a second Worker, configured with a mistake. */
const MISCONFIGURED = 'misconfigured.test';
const INSURANCES = '/api/patient/v1/insurances?page=1&per_page=100';
/** The Worker's SESSION_KEY, shared with this process (as with another instance of the backend). */
const SESSION_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

let sandbox: Sandbox;
/** The sandbox's request log: `GET /api/patient/v1/insurances 200 3ms`. */
const portalLog: string[] = [];
/** What the Worker wrote to stdout and stderr (its per-request log lines). */
let workerOutput = '';
let mf: Miniflare;
let dir: string;
let bundledInputs: string[] = [];

before(
  async () => {
    sandbox = await startSandbox({
      port: 0,
      quiet: false,
      log: (line) => portalLog.push(line),
      env: {},
      redirectUris: [CALLBACK],
    });
    dir = await mkdtemp(join(tmpdir(), 'pb-worker-'));
    const bundle = await bundleWorker(dir);
    const scriptPath = bundle.scriptPath;
    bundledInputs = bundle.inputs;
    const worker = {
      modules: true,
      scriptPath,
      modulesRoot: dir, // module names are paths below this (default: the working directory)
      compatibilityDate: '2026-04-01', // no nodejs_compat: the Worker gets no Node APIs
    };
    mf = new Miniflare({
      workers: [
        {
          ...worker,
          name: 'backend', // the first: `mf.dispatchFetch` goes here
          bindings: {
            PORTAL_URL: sandbox.url,
            CLIENT_ID,
            CLIENT_SECRET: SECRET,
            POW_HMAC_KEY: 'w'.repeat(32),
            POW_MAX_NUMBER: '1000',
            ALLOWED_ORIGINS: SITE,
            REDIRECT_URIS: CALLBACK,
            RATE_LIMIT: '1', // one /oauth/token per client IP and minute: the second is refused
            SESSION_KEY,
          },
        },
        // A real portal with the sandbox's demo secret (CLIENT_SECRET unset): refused.
        {
          ...worker,
          name: 'misconfigured',
          routes: [`${MISCONFIGURED}/*`],
          bindings: { PORTAL_URL: 'https://portal.example' },
        },
      ],
      cf: false, // a placeholder `request.cf`, instead of fetching one from Cloudflare
      handleRuntimeStdio(stdout, stderr) {
        stdout.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
        stderr.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
      },
    });
    await mf.ready;
  },
  { timeout: 20_000 },
);

after(async () => {
  // Settled, not awaited in turn: a runtime that failed to start rejects `dispose()` too, and the
  // sandbox must close all the same (else its server keeps the test process alive).
  await Promise.allSettled([mf?.dispose(), sandbox?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const apiRequests = (path: string) =>
  portalLog.filter((line) => line.startsWith(`GET ${path} `)).length;

/** Waits up to 2 s for the Worker's output to contain `text` (its stdout arrives by pipe). */
async function workerWrote(text: string): Promise<boolean> {
  for (let i = 0; i < 40 && !workerOutput.includes(text); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return workerOutput.includes(text);
}

describe('the booking backend in workerd', () => {
  it('bundles from server/backend/ alone, Node adapter excluded', () => {
    assert.ok(bundledInputs.includes('server/backend/handler.ts'), bundledInputs.join(', '));
    for (const input of bundledInputs) {
      // The proof of work's library: its WebCrypto build (v1), no Node API.
      if (input.startsWith('node_modules/')) {
        assert.match(input, /^node_modules\/altcha-lib\/dist\/esm\/v1\/[a-z]+\.js$/);
        continue;
      }
      assert.match(input, /^server\/backend\/[a-z-]+\.ts$/);
      assert.doesNotMatch(input, /node|main/, `${input} is Node-only`);
    }
  });

  it('GET /config: the login settings, no secret', async () => {
    const response = await mf.dispatchFetch(`${WORKER}/config`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    const text = await response.text();
    const config = JSON.parse(text) as { login: { clientId: string; redirectUris: string[] } };
    assert.equal(config.login.clientId, CLIENT_ID);
    assert.deepEqual(config.login.redirectUris, [CALLBACK]);
    assert.ok(!text.includes(SECRET), 'the client secret is in the configuration');
  });

  it('guest API: the portal answers once, the repeat (with junk parameters) comes from the cache', async () => {
    const path = '/api/patient/v1/insurances';
    const before = apiRequests(path);
    const first = await mf.dispatchFetch(`${WORKER}${INSURANCES}`);
    assert.equal(first.status, 200);
    const body = (await first.json()) as { data: unknown[] };
    assert.ok(Array.isArray(body.data) && body.data.length > 0, 'no insurances');
    // Unknown parameters are dropped and a repeated one counts once: the same cache entry.
    const second = await mf.dispatchFetch(`${WORKER}${INSURANCES}&utm_source=x&page=7`);
    assert.equal(second.status, 200);
    assert.equal(apiRequests(path) - before, 1, portalLog.join('\n'));
    assert.deepEqual(await second.json(), body);
    assert.match(second.headers.get('Cache-Control') ?? '', /s-maxage=\d+/);
    assert.ok(await workerWrote(`GET ${path} 200`), workerOutput);
    assert.match(workerOutput, /GET \/api\/patient\/v1\/insurances 200 \d+ms cache=hit/);

    // The same data as the portal gives a guest token directly.
    const token = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${CLIENT_ID}:${SECRET}`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=basic',
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const direct = await fetch(`${sandbox.url}${INSURANCES}`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    assert.deepEqual(await direct.json(), body);
  });

  it('guest API: concurrent identical requests share one portal request', async () => {
    const path = '/api/patient/v1/institutions';
    const before = apiRequests(path);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => mf.dispatchFetch(`${WORKER}${path}`)),
    );
    const bodies = await Promise.all(responses.map((response) => response.text()));
    assert.deepEqual(
      responses.map((response) => response.status),
      [200, 200, 200, 200, 200],
    );
    assert.equal(new Set(bodies).size, 1);
    assert.equal(apiRequests(path) - before, 1, portalLog.join('\n'));
  });

  /** A login exchange with a code the portal never issued, from `ip` (Cloudflare's header). */
  const exchangeBadCode = (ip: string) =>
    mf.dispatchFetch(`${WORKER}/oauth/token`, {
      method: 'POST',
      headers: {
        Origin: SITE,
        'Content-Type': 'application/x-www-form-urlencoded',
        'CF-Connecting-IP': ip,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'not-a-code',
        redirect_uri: CALLBACK,
        code_verifier: 'x'.repeat(43),
        client_id: CLIENT_ID,
      }).toString(),
    });

  it('POST /oauth/token: a bad code gets the portal’s invalid_grant', async () => {
    const response = await exchangeBadCode('192.0.2.1');
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), SITE);
    const text = await response.text();
    assert.equal((JSON.parse(text) as { error: string }).error, 'invalid_grant');
    assert.ok(!text.includes(SECRET));
  });

  it('rate-limits by CF-Connecting-IP', async () => {
    const again = await exchangeBadCode('192.0.2.1');
    assert.equal(again.status, 429);
    assert.equal(((await again.json()) as { error: string }).error, 'rate_limited');
    assert.ok(again.headers.has('Retry-After'));
    const other = await exchangeBadCode('192.0.2.2');
    assert.equal(other.status, 400);
    await other.body?.cancel();
  });

  it('opens a session cookie sealed under the same SESSION_KEY elsewhere (WebCrypto in workerd)', async () => {
    const sealer = sessionSealer(decodeSessionKey(SESSION_KEY), CLIENT_ID);
    const setCookie = await sealer.setCookie({
      refreshToken: 'not-a-portal-token',
      signedInAt: Date.now(),
    });
    const cookie = setCookie.split(';')[0]!;
    const headers = (ip: string) => ({
      Origin: SITE,
      'Content-Type': 'application/x-www-form-urlencoded',
      'CF-Connecting-IP': ip,
      Cookie: cookie,
    });
    // The Worker opened it: the portal is asked, and refuses the made-up token.
    const refresh = await mf.dispatchFetch(`${WORKER}/oauth/token`, {
      method: 'POST',
      headers: headers('192.0.2.3'),
      body: 'grant_type=refresh_token',
    });
    assert.equal(refresh.status, 400);
    assert.equal(((await refresh.json()) as { error: string }).error, 'invalid_grant');
    assert.match(refresh.headers.get('Set-Cookie') ?? '', /^__Secure-pb-refresh=; Max-Age=0;/);
    assert.ok(await workerWrote('grant=refresh_token upstream=400 session=cleared'), workerOutput);
    const logout = await mf.dispatchFetch(`${WORKER}/oauth/logout`, {
      method: 'POST',
      headers: headers('192.0.2.4'),
    });
    assert.equal(logout.status, 204);
    assert.ok(await workerWrote('POST /oauth/logout 204'), workerOutput);
    assert.match(workerOutput, /POST \/oauth\/logout 204 \d+ms revoke=ok/);
  });

  it('POST /api/patient/v1/booking from a foreign origin: 403, the portal never asked', async () => {
    const bookings = sandbox.state.appointments.size;
    const response = await mf.dispatchFetch(`${WORKER}/api/patient/v1/booking`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error: string }).error, 'origin_not_allowed');
    assert.equal(portalLog.filter((line) => line.startsWith('POST /api/')).length, 0);
    assert.equal(sandbox.state.appointments.size, bookings);
  });

  it('a guest booking: without a proof 403; with a solved challenge booked, once', async () => {
    const bookings = sandbox.state.bookings().length;
    const headers = { Origin: SITE, 'Content-Type': 'application/json' };
    const range = `from=${dayFromNow(2)}&to=${dayFromNow(20)}&insurance_id=136`;
    const slots = await mf.dispatchFetch(
      `${WORKER}/api/patient/v1/appointment_types/198/availabilities?${range}`,
    );
    const [slot] = ((await slots.json()) as { data: Array<{ id: string }> }).data;
    assert.ok(slot, 'the sandbox offers slots');
    const body = JSON.stringify({
      availability_id: slot.id,
      patient_data: {
        first_name: 'Erika',
        last_name: 'Musterfrau',
        email: 'erika@example.com',
        born_on: '1985-01-02',
        gender: 'f',
        mobile: '+49 30 1234567',
        insurance: 'TK',
      },
      structured_comment: {},
    });
    const send = (extra: Record<string, string> = {}) =>
      mf.dispatchFetch(`${WORKER}/api/patient/v1/booking`, {
        method: 'POST',
        headers: { ...headers, 'CF-Connecting-IP': '192.0.2.9', ...extra },
        body,
      });
    const bare = await send();
    assert.equal(bare.status, 403);
    assert.equal(((await bare.json()) as { error: string }).error, 'proof_required');
    const dispatch = ((input: string, init?: RequestInit) =>
      mf.dispatchFetch(input, init as never)) as unknown as typeof fetch;
    const proof = await proofFrom(WORKER, {}, dispatch);
    const booked = await send({ 'X-Booking-Proof': proof });
    assert.equal(booked.status, 201, await booked.clone().text());
    const again = await send({ 'X-Booking-Proof': proof });
    assert.equal(((await again.json()) as { error: string }).error, 'proof_invalid');
    assert.equal(sandbox.state.bookings().length, bookings + 1);
  });

  it('refuses to run with the demo secret against a portal elsewhere', async () => {
    const response = await mf.dispatchFetch(`http://${MISCONFIGURED}/config`);
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as { error: string }).error, 'internal_error');
    assert.ok(await workerWrote('CLIENT_SECRET is the sandbox demo secret'), workerOutput);
  });

  it('never writes the secret to its log', async () => {
    assert.ok(await workerWrote('POST /oauth/token 400'), workerOutput);
    assert.ok(!workerOutput.includes(SECRET));
  });
});
