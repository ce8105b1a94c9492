/**
 * The token server's login mediation and API proxy against the real sandbox portal: a confidential
 * client (demo-client) runs the code flow with PKCE, with the token server adding the secret.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StartedBackend } from '../../server/backend/node-adapter.js';
import { startBackend } from '../../server/backend/node-adapter.js';
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

async function viaServer<T = TokenJson>(
  path: string,
  init: RequestInit,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  seen.push(text);
  return { status: response.status, body: JSON.parse(text) as T };
}

function tokenRequest(form: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'demo-client', ...form }).toString(),
  };
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
      { log: (line) => logs.push(line) },
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
    assert.equal(typeof tokens.body.refresh_token, 'string');
    assert.match(tokens.body.scope ?? '', /appointment_read/);

    // Signed-in calls go straight to the portal with the user's token.
    const mine = await api(sb, '/appointments', { token: tokens.body.access_token });
    assert.equal(mine.status, 200, mine.text);

    const refreshToken = String(tokens.body.refresh_token);
    const refreshed = await viaServer(
      '/oauth/token',
      tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    );
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.notEqual(refreshed.body.access_token, tokens.body.access_token);
    const overview = await api(sb, '/appointments/overview', {
      token: refreshed.body.access_token,
    });
    assert.equal(overview.status, 200, overview.text);

    // The code is spent: the portal's refusal comes back as the portal sent it.
    const again = await viaServer(
      '/oauth/token',
      tokenRequest({ ...exchange, code_verifier: verifier ?? '' }),
    );
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');
    for (const word of [code, verifier ?? '', refreshToken, tokens.body.access_token]) {
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

  it('proxies real insurances (cached) and books a guest appointment', async () => {
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
        structured_comment: {},
        notify_with: { email: 'erika@example.com' },
      }),
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal(booked.body.data.starts_at, slot.starts_at);
    const bookings = await control(sb, 'bookings', 'GET');
    const ids = (bookings.body.data as { id: string; guest: boolean }[])
      .filter((b) => b.guest)
      .map((b) => b.id);
    assert.ok(ids.includes(booked.body.data.id));
  });
});
