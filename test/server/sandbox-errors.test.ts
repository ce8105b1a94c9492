import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  API,
  api,
  asJson,
  berlinDate,
  bookings,
  control,
  guestToken,
  patientTokens,
  startTestSandbox,
  type AvailabilityJson,
  type ListBody,
  type Sandbox,
} from './support/sandbox.js';

const PATIENT = {
  first_name: 'Max',
  last_name: 'Muster',
  email: 'max@example.com',
  born_on: '1990-05-23',
};

describe('sandbox errors, rate limit, faults, CORS', () => {
  let sb: Sandbox;
  let guest: string;
  before(async () => {
    sb = await startTestSandbox();
    guest = await guestToken(sb);
  });
  beforeEach(() => control(sb, 'reset'));
  after(() => sb.close());

  const firstSlot = async (): Promise<AvailabilityJson> =>
    (
      await api<ListBody<AvailabilityJson>>(
        sb,
        `/appointment_types/198/availabilities?from=${berlinDate(3)}&to=${berlinDate(10)}`,
        { token: guest },
      )
    ).body.data[0];

  it('answers 401 invalid_token with WWW-Authenticate for missing, malformed and unknown tokens', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      'Basic abc',
      'Bearer not-a-real-token',
      `Token ${guest}`,
    ]) {
      const res = await asJson(
        await fetch(`${sb.url}${API}/insurances`, {
          headers: authorization ? { authorization } : {},
        }),
      );
      assert.equal(res.status, 401, String(authorization));
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
      assert.equal(res.body.error, 'invalid_token');
      assert.ok(res.body.message);
    }
  });

  it('answers 401 for an expired token (tokenTtl via /__sandbox/config)', async () => {
    // Expiry is counted in whole seconds: a token of 3 s lives 2 to 3 s, long enough for its first
    // use on a loaded machine (1 s was not: the token had run out before it was used).
    assert.equal((await control(sb, 'config', 'POST', { tokenTtl: 3 })).status, 200);
    const shortLived = await guestToken(sb);
    assert.equal((await api(sb, '/insurances', { token: shortLived })).status, 200);
    let status = 200;
    for (const deadline = Date.now() + 10_000; status === 200 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await api(sb, '/insurances', { token: shortLived })).status;
    }
    assert.equal(status, 401);
    assert.equal((await control(sb, 'config', 'POST', { tokenTtl: 0 })).status, 400);
  });

  it('answers unknown routes with 404 and wrong methods with 405, as envelopes', async () => {
    const missing = await api(sb, '/nothing/here', { token: guest });
    assert.equal(missing.status, 404);
    assert.ok(missing.body.message);
    const wrong = await api(sb, '/insurances', { token: guest, method: 'DELETE' });
    assert.equal(wrong.status, 405);
    assert.ok(wrong.body.message);
    assert.match(wrong.headers.get('allow') ?? '', /GET/);
  });

  it('rate limits per client_id with 429, Retry-After and RateLimit headers', async () => {
    await control(sb, 'config', 'POST', { rateLimit: 3, rateWindowMs: 60_000 });
    const ok = await api(sb, '/insurances', { token: guest });
    assert.equal(ok.headers.get('ratelimit-limit'), '3');
    assert.equal(ok.headers.get('ratelimit-remaining'), '2');
    await api(sb, '/locations', { token: guest });
    await api(sb, '/institutions', { token: guest });
    const limited = await api(sb, '/insurances', { token: guest });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error, 'rate_limited');
    assert.ok(limited.body.message);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(limited.headers.get('ratelimit-remaining'), '0');
    assert.ok(Number(limited.headers.get('ratelimit-reset')) >= 1);
    const token = await fetch(`${sb.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'demo-client',
        client_secret: 'demo-secret',
      }),
    });
    assert.equal(token.status, 200, 'the token endpoint is not limited');
    await token.arrayBuffer();
    const spa = await patientTokens(sb);
    assert.equal(
      (await api(sb, '/insurances', { token: spa.access_token })).status,
      200,
      'another client has its own budget',
    );
    await control(sb, 'config', 'POST', { rateLimit: 1, rateWindowMs: 300 });
    assert.equal((await api(sb, '/insurances', { token: guest })).status, 200);
    assert.equal((await api(sb, '/insurances', { token: guest })).status, 429);
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal((await api(sb, '/insurances', { token: guest })).status, 200, 'a new window');
  });

  it('adds latency on request', async () => {
    await control(sb, 'config', 'POST', { latencyMs: 150 });
    const started = Date.now();
    await api(sb, '/insurances', { token: guest });
    assert.ok(Date.now() - started >= 140);
  });

  describe('faults', () => {
    it('drops the connection before acting', async () => {
      await control(sb, 'faults', 'POST', {
        faults: [{ method: 'POST', path: '/booking$', drop: 'before' }],
      });
      const slot = await firstSlot();
      await assert.rejects(
        api(sb, '/booking', {
          token: guest,
          body: { availability_id: slot.id, patient_data: PATIENT },
        }),
      );
      assert.equal((await bookings(sb)).length, 0);
      const retry = await api(sb, '/booking', {
        token: guest,
        body: { availability_id: slot.id, patient_data: PATIENT },
      });
      assert.equal(retry.status, 201, 'the fault was used up');
    });

    it('drops the connection after acting; an Idempotency-Key retry replays the booking', async () => {
      await control(sb, 'faults', 'POST', { faults: [{ path: '/booking$', drop: 'after' }] });
      const slot = await firstSlot();
      const call = {
        token: guest,
        body: { availability_id: slot.id, patient_data: PATIENT },
        headers: { 'Idempotency-Key': 'drop-after-1' },
      };
      await assert.rejects(api(sb, '/booking', call));
      assert.equal((await bookings(sb)).length, 1);
      const retry = await api(sb, '/booking', call);
      assert.equal(retry.status, 201);
      assert.equal((await bookings(sb)).length, 1);
    });

    it('answers with a status (429 with Retry-After) without acting, for the given number of times', async () => {
      await control(sb, 'faults', 'POST', {
        faults: [
          { method: 'GET', path: '/insurances$', status: 503, times: 2 },
          { path: '/booking$', status: 429, retryAfter: 2 },
        ],
      });
      assert.equal((await api(sb, '/insurances', { token: guest })).status, 503);
      assert.equal((await api(sb, '/insurances', { token: guest })).status, 503);
      assert.equal((await api(sb, '/insurances', { token: guest })).status, 200);
      const slot = await firstSlot();
      const limited = await api(sb, '/booking', {
        token: guest,
        body: { availability_id: slot.id, patient_data: PATIENT },
      });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '2');
      assert.equal((await bookings(sb)).length, 0);
    });

    it('sends raw bodies (malformed JSON) and can be cleared', async () => {
      await control(sb, 'faults', 'POST', {
        faults: [{ path: '/insurances$', status: 200, body: '{"data": [', times: 5 }],
      });
      const broken = await api(sb, '/insurances', { token: guest });
      assert.equal(broken.status, 200);
      assert.equal(broken.text, '{"data": [');
      const html = await control(sb, 'faults', 'POST', {
        faults: [
          {
            path: '/locations$',
            status: 502,
            body: '<html>Bad gateway</html>',
            contentType: 'text/html',
          },
        ],
      });
      assert.equal(html.status, 200);
      const gateway = await api(sb, '/locations', { token: guest });
      assert.equal(gateway.status, 502);
      assert.match(gateway.headers.get('content-type') ?? '', /text\/html/);
      assert.equal((await control(sb, 'faults', 'DELETE')).status, 200);
      assert.equal((await api(sb, '/insurances', { token: guest })).status, 200);
      assert.equal((await control(sb, 'faults', 'POST', { faults: [{ path: '(' }] })).status, 400);
    });

    it('also applies to the OAuth endpoints', async () => {
      await control(sb, 'faults', 'POST', { faults: [{ path: '^/oauth/token$', status: 503 }] });
      await assert.rejects(guestToken(sb), /503/);
      assert.ok(await guestToken(sb));
    });
  });

  describe('CORS', () => {
    it('answers API preflights from localhost origins, custom headers included', async () => {
      const res = await fetch(`${sb.url}${API}/booking`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers':
            'authorization, content-type, idempotency-key, x-requested-with',
        },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.match(res.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    it('exposes Retry-After, RateLimit-* and WWW-Authenticate, and ignores foreign origins', async () => {
      const res = await fetch(`${sb.url}${API}/insurances`, {
        headers: { origin: 'http://127.0.0.1:4173', authorization: `Bearer ${guest}` },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:4173');
      const exposed = res.headers.get('access-control-expose-headers') ?? '';
      for (const header of [
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'WWW-Authenticate',
      ]) {
        assert.ok(exposed.includes(header), header);
      }
      await res.arrayBuffer();
      const foreign = await fetch(`${sb.url}${API}/insurances`, {
        headers: { origin: 'https://evil.example', authorization: `Bearer ${guest}` },
      });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      await foreign.arrayBuffer();
      const controlRes = await fetch(`${sb.url}/__sandbox/bookings`, {
        headers: { origin: 'http://localhost:8000' },
      });
      assert.equal(controlRes.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      await controlRes.arrayBuffer();
    });

    it('allows configured extra origins', async () => {
      const other = await startTestSandbox({ corsOrigins: ['https://clinic.example'] });
      try {
        const res = await fetch(`${other.url}/.well-known/openid-configuration`, {
          headers: { origin: 'https://clinic.example' },
        });
        assert.equal(res.headers.get('access-control-allow-origin'), 'https://clinic.example');
        await res.arrayBuffer();
      } finally {
        await other.close();
      }
    });
  });

  it('resets to the seed state', async () => {
    const slot = await firstSlot();
    assert.equal(
      (
        await api(sb, '/booking', {
          token: guest,
          body: { availability_id: slot.id, patient_data: PATIENT },
        })
      ).status,
      201,
    );
    await control(sb, 'config', 'POST', { latencyMs: 5 });
    assert.equal((await control(sb, 'reset')).status, 200);
    assert.equal((await bookings(sb)).length, 0);
    assert.equal(
      (await control<{ data: { latencyMs: number } }>(sb, 'config', 'GET')).body.data.latencyMs,
      0,
    );
    assert.equal(
      (
        await api(sb, '/booking', {
          token: guest,
          body: { availability_id: slot.id, patient_data: PATIENT },
        })
      ).status,
      201,
    );
  });
});
