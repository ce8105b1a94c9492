import { expect, waitUntil } from '@open-wc/testing';
import { createHttpClient, isAbortError } from '../../src/api/http.js';
import type { HttpClientOptions, WaitInfo } from '../../src/api/http.js';
import { ApiError, AuthError, RateLimitError } from '../../src/api/errors.js';
import { fakeClock, fakeFetch, hang, json, rejection, text, tick } from './http-fakes.js';
import type { Reply } from './http-fakes.js';

const ok = () => json(200, { data: { id: 1 } });
const decode = (value: unknown) => value;

/** A client against scripted replies, with a fake clock and a token counter. */
function setup(replies: Reply[], overrides: Partial<HttpClientOptions> = {}) {
  const clock = fakeClock();
  const net = fakeFetch(replies, clock.now);
  const tokens: boolean[] = [];
  const waits: WaitInfo[] = [];
  const http = createHttpClient({
    baseUrl: 'https://portal.test/api/patient/v1/',
    getToken: async ({ forceRefresh }) => {
      tokens.push(forceRefresh);
      return forceRefresh ? 'fresh-token' : 'token';
    },
    fetch: net.fetch,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    onWait: (info) => waits.push(info),
    ...overrides,
  });
  const signal = new AbortController().signal;
  return { http, net, clock, tokens, waits, signal };
}

describe('http client: retries', () => {
  it('retries a GET after a network error and a 503, then succeeds', async () => {
    const { http, net, waits, signal } = setup([
      new TypeError('Failed to fetch'),
      text(503, 'down'),
      ok(),
    ]);
    const result = await http.request('GET', '/insurances', { signal, decode });
    expect(result).to.deep.equal({ data: { id: 1 } });
    expect(net.calls).to.have.length(3);
    expect(waits.map((w) => w.reason)).to.deep.equal(['retry', 'retry']);
  });

  it('waits with exponential backoff and full jitter', async () => {
    const { http, clock, signal } = setup([text(500, ''), text(502, ''), text(503, ''), ok()], {
      backoff: { baseMs: 100, maxMs: 300 },
      random: () => 0.999,
    });
    await http.request('GET', '/x', { signal, decode });
    expect(clock.sleeps).to.deep.equal([99, 199, 299]);
  });

  it('does not retry a POST without an idempotency key', async () => {
    const { http, net, signal } = setup([text(503, 'down'), ok()]);
    const error = await rejection(http.request('POST', '/booking', { body: {}, signal, decode }));
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('server');
    expect((error as ApiError).status).to.equal(503);
    expect(net.calls).to.have.length(1);
  });

  it('does not retry a POST without a key after a network error', async () => {
    const { http, net, signal } = setup([new TypeError('Failed to fetch'), ok()]);
    const error = (await rejection(
      http.request('POST', '/booking', { body: {}, signal, decode }),
    )) as ApiError;
    expect(error.code).to.equal('network');
    expect(net.calls).to.have.length(1);
  });

  it('retries a POST with an idempotency key, sending the same key every time', async () => {
    const { http, net, signal } = setup([
      text(503, ''),
      new TypeError('x'),
      json(201, { data: { id: 9 } }),
    ]);
    await http.request('POST', '/booking', {
      body: { a: 1 },
      idempotencyKey: 'key-1',
      signal,
      decode,
    });
    expect(net.calls).to.have.length(3);
    expect(net.calls.map((c) => c.headers.get('Idempotency-Key'))).to.deep.equal([
      'key-1',
      'key-1',
      'key-1',
    ]);
    expect(net.calls.map((c) => c.body)).to.deep.equal(Array(3).fill('{"a":1}'));
  });

  it('retries PUT and DELETE (idempotent)', async () => {
    const { http, net, signal } = setup([text(503, ''), ok(), text(503, ''), ok()]);
    await http.request('PUT', '/a', { body: {}, signal, decode });
    await http.request('DELETE', '/a', { signal, decode });
    expect(net.calls.map((c) => c.method)).to.deep.equal(['PUT', 'PUT', 'DELETE', 'DELETE']);
  });

  it('gives up after the retry budget with a server error', async () => {
    const { http, net, signal } = setup([text(503, '<html>busy</html>')], { maxRetries: 2 });
    const error = (await rejection(http.request('GET', '/x', { signal, decode }))) as ApiError;
    expect(error.name).to.equal('ApiError');
    expect(error.code).to.equal('server');
    expect(net.calls).to.have.length(3);
  });

  it('gives up after the retry budget with a network error', async () => {
    const { http, net, signal } = setup([new TypeError('offline')]);
    const error = (await rejection(http.request('GET', '/x', { signal, decode }))) as ApiError;
    expect(error.code).to.equal('network');
    expect(net.calls).to.have.length(5); // default: 4 retries
  });
});

describe('http client: 429', () => {
  it('honours Retry-After in seconds: no request before it', async () => {
    const { http, net, clock, waits, signal } = setup([
      text(429, '', { 'Retry-After': '7' }),
      ok(),
    ]);
    await http.request('GET', '/x', { signal, decode });
    expect(clock.sleeps[0]).to.be.at.least(7000);
    expect(net.calls[1].at - net.calls[0].at).to.be.at.least(7000);
    expect(waits[0].reason).to.equal('rate_limited');
    expect(waits[0].ms).to.equal(clock.sleeps[0]);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const clockStart = fakeClock().now();
    const date = new Date(clockStart + 12_000).toUTCString();
    const { http, net, clock, signal } = setup([text(429, '', { 'Retry-After': date }), ok()]);
    await http.request('GET', '/x', { signal, decode });
    expect(clock.sleeps[0]).to.be.at.least(12_000);
    expect(net.calls[1].at).to.be.at.least(clockStart + 12_000);
  });

  it('falls back to backoff without Retry-After', async () => {
    const { http, clock, signal } = setup([text(429, ''), ok()], {
      backoff: { baseMs: 1000, maxMs: 8000 },
    });
    await http.request('GET', '/x', { signal, decode });
    expect(clock.sleeps).to.deep.equal([500]);
  });

  it('throws RateLimitError when the budget is spent', async () => {
    const { http, net, signal } = setup([text(429, '', { 'Retry-After': '2' })], { maxRetries: 3 });
    const error = await rejection(http.request('GET', '/x', { signal, decode }));
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).code).to.equal('rate_limited');
    expect((error as RateLimitError).retryAfterMs).to.equal(2000);
    expect(net.calls).to.have.length(4);
  });

  it('does not wait beyond the cap: a long Retry-After ends the retries at once', async () => {
    const { http, net, clock, signal } = setup([text(429, '', { 'Retry-After': '3600' }), ok()]);
    const error = (await rejection(
      http.request('GET', '/x', { signal, decode }),
    )) as RateLimitError;
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(clock.sleeps).to.deep.equal([]);
    expect(net.calls).to.have.length(1);
  });
});

describe('http client: 401', () => {
  it('refreshes the token once and retries', async () => {
    const { http, net, tokens, signal } = setup([text(401, '{"error":"invalid_token"}'), ok()]);
    await http.request('GET', '/x', { signal, decode });
    expect(tokens).to.deep.equal([false, true]);
    expect(net.calls.map((c) => c.headers.get('Authorization'))).to.deep.equal([
      'Bearer token',
      'Bearer fresh-token',
    ]);
  });

  it('refreshes once even for a POST without key (a 401 did nothing)', async () => {
    const { http, net, signal } = setup([text(401, ''), json(201, { data: {} })]);
    await http.request('POST', '/booking', { body: {}, signal, decode });
    expect(net.calls).to.have.length(2);
  });

  it('a second 401 is an AuthError', async () => {
    const { http, net, tokens, signal } = setup([text(401, '')]);
    const error = await rejection(http.request('GET', '/x', { signal, decode }));
    expect(error).to.be.instanceOf(AuthError);
    expect((error as AuthError).code).to.equal('unauthorized');
    expect(tokens).to.deep.equal([false, true]);
    expect(net.calls).to.have.length(2);
  });

  it('a failing refresh is an AuthError', async () => {
    const { http, net, signal } = setup([text(401, '')], {
      getToken: async ({ forceRefresh }) => {
        if (forceRefresh) throw new Error('refresh token revoked');
        return 'token';
      },
    });
    const error = await rejection(http.request('GET', '/x', { signal, decode }));
    expect(error).to.be.instanceOf(AuthError);
    expect(net.calls).to.have.length(1);
  });

  it('passes a session failure on as it is', async () => {
    const failure = new ApiError('session: answered 500', 'backend', 500);
    const { http, net, signal } = setup([ok()], { getToken: () => Promise.reject(failure) });
    expect(await rejection(http.request('GET', '/x', { signal, decode }))).to.equal(failure);
    expect(net.calls).to.have.length(0);
  });
});

describe('http client: abort and timeout', () => {
  it('rejects at once when aborted before the request', async () => {
    const { http, net } = setup([ok()]);
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(http.request('GET', '/x', { signal: controller.signal, decode }));
    expect(isAbortError(error)).to.equal(true);
    expect(net.calls).to.have.length(0);
  });

  it('rejects while waiting for the token and makes no request', async () => {
    const { http, net } = setup([ok()], { getToken: () => new Promise(() => {}) });
    const controller = new AbortController();
    const pending = http.request('GET', '/x', { signal: controller.signal, decode });
    await tick();
    controller.abort();
    expect(isAbortError(await rejection(pending))).to.equal(true);
    expect(net.calls).to.have.length(0);
  });

  it('rejects while fetching and makes no further request', async () => {
    const { http, net } = setup([hang, ok()]);
    const controller = new AbortController();
    const pending = http.request('GET', '/x', { signal: controller.signal, decode });
    await tick();
    controller.abort();
    const error = await rejection(pending);
    expect(isAbortError(error)).to.equal(true);
    expect(error).to.be.instanceOf(DOMException);
    await tick(20);
    expect(net.calls).to.have.length(1);
  });

  it('stops a backoff wait at once and makes no further request', async () => {
    // The real sleep with a long wait: the abort must not wait for it.
    const { http, net, waits } = setup([text(503, ''), ok()], {
      sleep: undefined,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    const controller = new AbortController();
    const pending = http.request('GET', '/x', { signal: controller.signal, decode });
    await waitUntil(() => waits.length === 1, 'no backoff wait began');
    const reason = new DOMException('user left', 'AbortError');
    controller.abort(reason);
    expect(await rejection(pending)).to.equal(reason);
    expect(net.calls).to.have.length(1);
  });

  it('stops a wait even when the injected sleep ignores the signal', async () => {
    const { http, net } = setup([text(429, '', { 'Retry-After': '5' }), ok()], {
      sleep: () => new Promise(() => {}),
    });
    const controller = new AbortController();
    const pending = http.request('GET', '/x', { signal: controller.signal, decode });
    await tick(10);
    controller.abort();
    expect(isAbortError(await rejection(pending))).to.equal(true);
    expect(net.calls).to.have.length(1);
  });

  it('times out an attempt and retries it', async () => {
    const { http, net, waits, signal } = setup([hang, ok()], { timeoutMs: 20 });
    const result = await http.request('GET', '/x', { signal, decode });
    expect(result).to.deep.equal({ data: { id: 1 } });
    expect(net.calls).to.have.length(2);
    expect(waits[0].reason).to.equal('retry');
  });

  it('reports a final timeout as ApiError timeout, not as an abort', async () => {
    const { http, net, signal } = setup([hang], { timeoutMs: 10, maxRetries: 1 });
    const error = (await rejection(http.request('GET', '/x', { signal, decode }))) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.code).to.equal('timeout');
    expect(isAbortError(error)).to.equal(false);
    expect(net.calls).to.have.length(2);
  });

  it('does not retry a timed-out POST without key', async () => {
    const { http, net, signal } = setup([hang, ok()], { timeoutMs: 10 });
    const error = (await rejection(
      http.request('POST', '/booking', { body: {}, signal, decode }),
    )) as ApiError;
    expect(error.code).to.equal('timeout');
    expect(net.calls).to.have.length(1);
  });

  it('isAbortError recognises aborts only', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).to.equal(true);
    expect(isAbortError(new DOMException('x', 'TimeoutError'))).to.equal(true);
    expect(isAbortError(new TypeError('x'))).to.equal(false);
    expect(isAbortError(new ApiError('x', 'timeout'))).to.equal(false);
    expect(isAbortError(undefined)).to.equal(false);
  });
});
