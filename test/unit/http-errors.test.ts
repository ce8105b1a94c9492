import { expect } from '@open-wc/testing';
import { createHttpClient } from '../../src/api/http.js';
import { ApiError } from '../../src/api/errors.js';
import { buildUrl } from '../../src/api/http-response.js';
import { parseRetryAfter } from '../../src/api/retry.js';
import { decodeInsurance, one } from '../../src/api/decode.js';
import { fakeClock, fakeFetch, json, rejection, text } from './http-fakes.js';
import type { Reply } from './http-fakes.js';

function setup(replies: Reply[]) {
  const clock = fakeClock();
  const net = fakeFetch(replies, clock.now);
  const http = createHttpClient({
    baseUrl: 'https://portal.test/api/patient/v1',
    getToken: async () => 'token',
    fetch: net.fetch,
    sleep: clock.sleep,
    now: clock.now,
  });
  return { http, net, signal: new AbortController().signal };
}

async function failure(reply: Reply, method: 'GET' | 'POST' = 'POST'): Promise<ApiError> {
  const { http } = setup([reply]);
  const signal = new AbortController().signal;
  const error = await rejection(
    http.request(method, '/booking', { body: {}, idempotencyKey: 'k', signal, decode: (j) => j }),
  );
  expect(error).to.be.instanceOf(ApiError);
  return error as ApiError;
}

describe('http client: error mapping', () => {
  it('422 with field errors → validation with the fields', async () => {
    const error = await failure(
      json(422, {
        message: 'Validation failed',
        errors: [
          { field: 'patient_data.email', message: 'is invalid' },
          { field: 'patient_data.born_on', message: 'must be in the past' },
          { nonsense: true },
        ],
      }),
    );
    expect(error.code).to.equal('validation');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors).to.deep.equal([
      { field: 'patient_data.email', message: 'is invalid' },
      { field: 'patient_data.born_on', message: 'must be in the past' },
    ]);
  });

  it('400 → validation, also with Rails-style errors', async () => {
    const error = await failure(
      json(400, { message: 'bad', errors: { to: ['is before from'] } }),
      'GET',
    );
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors).to.deep.equal([{ field: 'to', message: 'is before from' }]);
  });

  for (const code of ['not_cancelable', 'not_reschedulable', 'asap_not_enabled'] as const) {
    it(`422 with error ${code} → ${code}`, async () => {
      const error = await failure(json(422, { message: 'no', error: code }));
      expect(error.code).to.equal(code);
      expect(error.serverCode).to.equal(code);
    });
  }

  it('422 with an unknown error code stays validation and keeps the server code', async () => {
    const error = await failure(json(422, { message: 'no', error: 'idempotency_key_reused' }));
    expect(error.code).to.equal('validation');
    expect(error.serverCode).to.equal('idempotency_key_reused');
  });

  it('403 → forbidden, 404 → not_found, 409 → availability_taken', async () => {
    expect((await failure(json(403, { error: 'insufficient_scope', message: 'x' }))).code).to.equal(
      'forbidden',
    );
    expect((await failure(json(404, { message: 'not found' }), 'GET')).code).to.equal('not_found');
    expect((await failure(json(409, { error: 'availability_taken', message: 'x' }))).code).to.equal(
      'availability_taken',
    );
  });

  it('an error status with a non-JSON body still maps by status', async () => {
    const error = await failure(
      text(404, '<h1>Not Found</h1>', { 'Content-Type': 'text/html' }),
      'GET',
    );
    expect(error.code).to.equal('not_found');
    expect(error.fieldErrors).to.deep.equal([]);
  });

  it('other 4xx are not retried', async () => {
    const { http, net, signal } = setup([text(405, ''), json(200, {})]);
    const error = (await rejection(
      http.request('GET', '/x', { signal, decode: (j) => j }),
    )) as ApiError;
    expect(error.status).to.equal(405);
    expect(net.calls).to.have.length(1);
  });

  it('error messages carry no patient data', async () => {
    const error = await failure(json(422, { message: 'jdoe@example.com is taken', errors: [] }));
    expect(error.message).not.to.contain('jdoe');
  });
});

describe('http client: bad responses', () => {
  const decode = one(decodeInsurance);

  for (const [label, reply] of [
    ['HTML', () => text(200, '<!doctype html><p>maintenance</p>', { 'Content-Type': 'text/html' })],
    [
      'truncated JSON',
      () => text(200, '{"data": {"id": 1, "na', { 'Content-Type': 'application/json' }),
    ],
    ['an empty body', () => text(200, '')],
    ['a list where an object is expected', () => json(200, { data: [] })],
    ['no envelope', () => json(200, { id: 1, name: 'TK', kind: 'public' })],
    ['a missing required field', () => json(200, { data: { name: 'TK' } })],
  ] as const) {
    it(`a 200 with ${label} → bad_response`, async () => {
      const { http, net, signal } = setup([reply()]);
      const error = (await rejection(
        http.request('GET', '/insurances/1', { signal, decode }),
      )) as ApiError;
      expect(error).to.be.instanceOf(ApiError);
      expect(error.code).to.equal('bad_response');
      expect(net.calls).to.have.length(1);
    });
  }

  it('a decoder that throws a TypeError still gives bad_response', async () => {
    const { http, signal } = setup([json(200, { data: null })]);
    const broken = (j: unknown) => (j as { data: { id: string } }).data.id;
    const error = (await rejection(
      http.request('GET', '/x', { signal, decode: broken }),
    )) as ApiError;
    expect(error.code).to.equal('bad_response');
  });

  it('a 204 decodes null', async () => {
    const { http, signal } = setup([new Response(null, { status: 204 })]);
    expect(await http.request('DELETE', '/x', { signal, decode: (j) => j })).to.equal(null);
  });
});

describe('http client: requests', () => {
  it('sends auth, accept, JSON body and content type', async () => {
    const { http, net, signal } = setup([json(201, { data: {} })]);
    await http.request('POST', '/booking', {
      body: { a: 'ü' },
      idempotencyKey: 'k1',
      signal,
      decode: (j) => j,
    });
    const [call] = net.calls;
    expect(call.method).to.equal('POST');
    expect(call.headers.get('Authorization')).to.equal('Bearer token');
    expect(call.headers.get('Accept')).to.equal('application/json');
    expect(call.headers.get('Content-Type')).to.equal('application/json');
    expect(call.body).to.equal('{"a":"ü"}');
  });

  it('a GET has no body and no content type', async () => {
    const { http, net, signal } = setup([json(200, {})]);
    await http.request('GET', '/x', { signal, decode: (j) => j });
    expect(net.calls[0].body).to.equal(undefined);
    expect(net.calls[0].headers.has('Content-Type')).to.equal(false);
    expect(net.calls[0].headers.has('Idempotency-Key')).to.equal(false);
  });

  it('joins paths without double slashes and skips undefined query values', () => {
    expect(buildUrl('https://p.test/api/', '/x', { a: 1, b: undefined, c: 'x y&z' })).to.equal(
      'https://p.test/api/x?a=1&c=x+y%26z',
    );
    expect(buildUrl('https://p.test/api', 'x')).to.equal('https://p.test/api/x');
    expect(buildUrl('/api//', '//x', {})).to.equal('/api/x');
    expect(
      buildUrl('https://p.test/api', 'https://p.test/oauth/userinfo?a=1', { b: 2 }, true),
    ).to.equal('https://p.test/oauth/userinfo?a=1&b=2');
  });

  it('parses Retry-After', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('-5', now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
