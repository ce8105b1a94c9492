/**
 * The token server's login mediation and API proxy against the real sandbox portal: a confidential
 * client (demo-client) runs the code flow with PKCE, with the token server adding the secret.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import { proofFrom } from '../support/proof.js';
import type {
  AppointmentJson,
  AvailabilityJson,
  DataBody,
  ListBody,
  Sandbox,
} from './support/sandbox.js';
import {
  REDIRECT_URI,
  api,
  authorize,
  berlinDate,
  control,
  startTestSandbox,
} from './support/sandbox.js';

const ORIGIN = 'http://localhost:5173';
const SECRET = 'demo-secret';
const WIDGET = { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' };

let sb: Sandbox;
let server: StartedBackend;
const logs: string[] = [];
const seen: string[] = [];

interface TokenJson {
  access_token: string;
  token_type: string;
  refresh_token?: string;
  scope?: string;
  error?: string;
}

/** Refresh tokens the portal issued, as the backend received them (never sent on). */
const issuedRefreshTokens: string[] = [];

/** The backend's fetch, recording the refresh tokens of the portal's token responses. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (String(input).endsWith('/oauth/token')) {
    const body = (await response.clone().json()) as TokenJson;
    if (body.refresh_token) issuedRefreshTokens.push(body.refresh_token);
  }
  return response;
};

async function viaServer<T = TokenJson>(
  path: string,
  init: RequestInit,
): Promise<{ status: number; body: T; cookie: string | undefined }> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  seen.push(text);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  return { status: response.status, body: JSON.parse(text || 'null') as T, cookie };
}

function tokenRequest(form: Record<string, string>, cookie?: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      Origin: ORIGIN,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams({ client_id: 'demo-client', ...form }).toString(),
  };
}

/** The portal's own answer to a refresh token (as if it had been stolen from the browser). */
async function refreshAtPortal(refreshToken: string): Promise<number> {
  const response = await fetch(`${sb.url}/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`demo-client:${SECRET}`)}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
  await response.body?.cancel();
  return response.status;
}

describe('token server against the sandbox: login mediation and API proxy', () => {
  before(async () => {
    sb = await startTestSandbox();
    server = await startBackend(
      {
        portalUrl: sb.url,
        clientId: 'demo-client',
        clientSecret: SECRET,
        allowedOrigins: [ORIGIN],
        redirectUris: [REDIRECT_URI],
      },
      { log: (line) => logs.push(line), fetch: recordingFetch },
    );
  });
  after(async () => {
    await server.close();
    await sb.close();
    const leaks = [...seen, ...logs].filter((text) => text.includes(SECRET));
    assert.deepEqual(leaks, [], 'the client secret must appear in no response and no log line');
  });

  it('exchanges a code (PKCE) and refreshes through the token server', async () => {
    const { redirect, verifier } = await authorize(sb, { clientId: 'demo-client' });
    const code = redirect.searchParams.get('code') ?? '';
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    const tokens = await viaServer(
      '/oauth/token',
      tokenRequest({ ...exchange, code_verifier: verifier ?? '' }),
    );
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.token_type, 'Bearer');
    assert.equal(tokens.body.refresh_token, undefined, 'the refresh token stays at the backend');
    assert.ok(tokens.cookie, 'it is in the session cookie');
    assert.match(tokens.body.scope ?? '', /appointment_read/);

    // Signed-in calls go straight to the portal with the user's token.
    const mine = await api(sb, '/appointments', { token: tokens.body.access_token });
    assert.equal(mine.status, 200, mine.text);

    const [refreshToken = ''] = issuedRefreshTokens;
    assert.ok(!tokens.cookie.includes(refreshToken), 'sealed');
    const refresh = { grant_type: 'refresh_token' };
    const stolen = await viaServer(
      '/oauth/token',
      tokenRequest({ ...refresh, refresh_token: refreshToken }),
    );
    assert.equal(stolen.status, 400, 'a refresh token without the cookie gets nothing');
    const refreshed = await viaServer('/oauth/token', tokenRequest(refresh, tokens.cookie));
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.notEqual(refreshed.body.access_token, tokens.body.access_token);
    assert.equal(refreshed.body.refresh_token, undefined);
    assert.ok(refreshed.cookie && refreshed.cookie !== tokens.cookie, 'rotated');
    const overview = await api(sb, '/appointments/overview', {
      token: refreshed.body.access_token,
    });
    assert.equal(overview.status, 200, overview.text);

    // Sign-out revokes the current refresh token at the portal.
    const out = await fetch(`${server.url}/oauth/logout`, {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: refreshed.cookie },
    });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
    assert.ok(logs.some((line) => /^POST \/oauth\/logout 204 \d+ms revoke=ok$/.test(line)));
    assert.equal(await refreshAtPortal(issuedRefreshTokens[1] ?? ''), 400, 'revoked');
    const after = await viaServer('/oauth/token', tokenRequest(refresh, refreshed.cookie));
    assert.equal(after.status, 400);
    // The first cookie's refresh token was rotated away.
    const spent = await viaServer('/oauth/token', tokenRequest(refresh, tokens.cookie));
    assert.equal(spent.status, 400);
    assert.equal(spent.body.error, 'invalid_grant');

    const revokedAccess = await api(sb, '/appointments', { token: refreshed.body.access_token });
    assert.equal(revokedAccess.status, 401, 'the grant ended with it');

    // The code is spent: the portal's refusal comes back as the portal sent it.
    const again = await viaServer(
      '/oauth/token',
      tokenRequest({ ...exchange, code_verifier: verifier ?? '' }),
    );
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');
    for (const word of [code, verifier ?? '', ...issuedRefreshTokens, tokens.body.access_token]) {
      assert.ok(
        logs.every((line) => !line.includes(word)),
        'no code or token in the log',
      );
    }
  });

  it('a wrong code_verifier is refused by the portal (invalid_grant)', async () => {
    const { redirect } = await authorize(sb, { clientId: 'demo-client' });
    const code = redirect.searchParams.get('code') ?? '';
    const result = await viaServer(
      '/oauth/token',
      tokenRequest({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: 'x'.repeat(43),
      }),
    );
    assert.equal(result.status, 400);
    assert.equal(result.body.error, 'invalid_grant');
  });

  const NOTE = 'Ich bringe die Röntgenbilder vom Orthopäden mit.';

  it('proxies real insurances (cached) and books a guest appointment, its note passed on and never logged', async () => {
    const first = await viaServer<ListBody<{ name: string }>>(
      '/api/patient/v1/insurances?per_page=100',
      { headers: WIDGET },
    );
    assert.equal(first.status, 200);
    const names = first.body.data.map((i) => i.name);
    assert.ok(names.includes('Techniker Krankenkasse'), names.join(', '));
    const apiBefore = server.stats().upstream.api;
    await viaServer('/api/patient/v1/insurances?per_page=100', { headers: WIDGET });
    assert.equal(server.stats().upstream.api, apiBefore, 'the second GET is a cache hit');

    const range = `from=${berlinDate(2)}&to=${berlinDate(20)}&insurance_id=136`;
    const slots = await viaServer<ListBody<AvailabilityJson>>(
      `/api/patient/v1/appointment_types/198/availabilities?${range}`,
      { headers: WIDGET },
    );
    assert.equal(slots.status, 200, JSON.stringify(slots.body));
    const [slot] = slots.body.data;
    assert.ok(slot, 'the sandbox offers slots');

    const booked = await viaServer<DataBody<AppointmentJson>>('/api/patient/v1/booking', {
      method: 'POST',
      headers: {
        ...WIDGET,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'proxy-test-1',
        'X-Booking-Proof': await proofFrom(server.url, WIDGET),
      },
      body: JSON.stringify({
        availability_id: slot.id,
        patient_data: {
          first_name: 'Erika',
          last_name: 'Musterfrau',
          email: 'erika@example.com',
          born_on: '1985-01-02',
          gender: 'f',
          mobile: '+49 30 1234567',
          insurance: 'TK',
          accepts_email: true,
        },
        structured_comment: { note: NOTE },
        notify_with: { email: 'erika@example.com' },
      }),
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    // The note reaches the portal as sent, and no log line of the backend.
    const stored = (await control(sb, 'bookings', 'GET')).body.data as {
      id: string;
      structured_comment: unknown;
    }[];
    const mine = stored.find((b) => b.id === booked.body.data.id);
    assert.deepEqual(mine?.structured_comment, { note: NOTE });
    assert.ok(logs.length > 0, 'the backend logged its requests');
    assert.deepEqual(
      logs.filter((line) => line.includes('Röntgenbilder') || line.includes('Musterfrau')),
      [],
      'no patient data in the log',
    );
    assert.equal(booked.body.data.starts_at, slot.starts_at);
    const bookings = await control(sb, 'bookings', 'GET');
    const ids = (bookings.body.data as { id: string; guest: boolean }[])
      .filter((b) => b.guest)
      .map((b) => b.id);
    assert.ok(ids.includes(booked.body.data.id));
  });
});
