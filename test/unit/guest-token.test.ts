import { expect } from '@open-wc/testing';
import { createGuestTokenSource } from '../../src/auth/guest-token.js';
import { ApiError } from '../../src/api/errors.js';
import { fakeFetch, hang, json, rejection, text, tick } from './http-fakes.js';
import type { Reply } from './http-fakes.js';

const TOKEN_URL = 'https://clinic.test/pb/token';

/** Answers with token-1, token-2, … (each valid for `expiresIn` seconds), after `delay` ms. */
function tokenServer(expiresIn = 7200, delay = 0): Reply {
  let n = 0;
  return async () => {
    n += 1;
    const token = `token-${n}`;
    if (delay) await tick(delay);
    return json(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
  };
}

/** `timeoutMs` is long by default: a loaded machine must not turn a slow answer into a failure. */
function setup(replies: Reply[], timeoutMs = 5_000) {
  let t = Date.UTC(2026, 2, 1);
  const net = fakeFetch(replies, () => t);
  const source = createGuestTokenSource({
    tokenUrl: TOKEN_URL,
    fetch: net.fetch,
    now: () => t,
    timeoutMs,
  });
  return { source, net, advance: (ms: number) => (t += ms) };
}

describe('guest token source', () => {
  it('POSTs to the token server with the X-Patient-Booking header', async () => {
    const { source, net } = setup([tokenServer()]);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-1');
    const [call] = net.calls;
    expect(call.method).to.equal('POST');
    expect(call.url.href).to.equal(TOKEN_URL);
    expect(call.headers.get('X-Patient-Booking')).to.equal('1');
    expect(call.headers.has('Authorization')).to.equal(false);
  });

  it('caches the token until 30 s before expiry', async () => {
    const { source, net, advance } = setup([tokenServer(7200)]);
    await source.getToken({ forceRefresh: false });
    advance(7200_000 - 31_000);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-1');
    advance(2_000);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-2');
    expect(net.calls).to.have.length(2);
  });

  it('renews a short-lived token at half its life', async () => {
    const { source, advance } = setup([tokenServer(20)]);
    await source.getToken({ forceRefresh: false });
    advance(9_000);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-1');
    advance(2_000);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-2');
  });

  it('shares one request between parallel callers', async () => {
    const { source, net } = setup([tokenServer(7200, 10)]);
    const tokens = await Promise.all([
      source.getToken({ forceRefresh: false }),
      source.getToken({ forceRefresh: false }),
      source.getToken({ forceRefresh: true }),
    ]);
    expect(tokens).to.deep.equal(['token-1', 'token-1', 'token-1']);
    expect(net.calls).to.have.length(1);
  });

  it('forceRefresh drops the cached token; parallel forced refreshes share one request', async () => {
    const { source, net } = setup([tokenServer(7200, 10)]);
    await source.getToken({ forceRefresh: false });
    const tokens = await Promise.all([
      source.getToken({ forceRefresh: true }),
      source.getToken({ forceRefresh: true }),
    ]);
    expect(tokens).to.deep.equal(['token-2', 'token-2']);
    expect(net.calls).to.have.length(2);
  });

  it('prefetch starts early; getToken then uses that request', async () => {
    const { source, net } = setup([tokenServer(7200, 10)]);
    source.prefetch();
    source.prefetch();
    expect(net.calls).to.have.length(1);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-1');
    expect(net.calls).to.have.length(1);
  });

  it('prefetch swallows errors; the next getToken asks again', async () => {
    const { source, net } = setup([text(500, 'boom'), tokenServer()]);
    source.prefetch();
    await tick(5);
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-1');
    expect(net.calls).to.have.length(2);
  });

  it('callers that joined a failing prefetch share one new request', async () => {
    const { source, net } = setup([text(500, 'boom'), tokenServer()]);
    source.prefetch();
    const tokens = await Promise.all([
      source.getToken({ forceRefresh: false }),
      source.getToken({ forceRefresh: false }),
    ]);
    expect(tokens).to.deep.equal(['token-1', 'token-1']);
    expect(net.calls).to.have.length(2);
  });

  it("a caller's own failing request reaches it, without a second try", async () => {
    const { source, net } = setup([text(500, 'boom'), tokenServer()]);
    const error = (await rejection(source.getToken({ forceRefresh: false }))) as ApiError;
    expect(error.code).to.equal('token_server');
    expect(net.calls).to.have.length(1);
  });

  it('failures are token_server errors; nothing is cached', async () => {
    for (const reply of [
      text(503, 'down'),
      text(200, '<html>'),
      json(200, { token_type: 'Bearer', expires_in: 60 }),
      json(200, { access_token: 'x', token_type: 'MAC', expires_in: 60 }),
      new TypeError('Failed to fetch'),
      hang,
    ]) {
      const { source } = setup([reply], reply === hang ? 50 : undefined);
      const error = (await rejection(source.getToken({ forceRefresh: false }))) as ApiError;
      expect(error).to.be.instanceOf(ApiError);
      expect(error.code).to.equal('token_server');
    }
    const { source, net } = setup([text(500, ''), tokenServer()]);
    await rejection(source.getToken({ forceRefresh: false }));
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-1');
    expect(net.calls).to.have.length(2);
  });

  it('keeps the HTTP status of a refused request', async () => {
    const { source } = setup([json(403, { error: 'origin not allowed' })]);
    const error = (await rejection(source.getToken({ forceRefresh: false }))) as ApiError;
    expect(error.status).to.equal(403);
  });

  it('clear forgets the token and ignores a request under way', async () => {
    const { source, net } = setup([tokenServer(7200, 10)]);
    const first = source.getToken({ forceRefresh: false });
    source.clear();
    expect(await first).to.equal('token-1');
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-2');
    source.clear();
    expect(await source.getToken({ forceRefresh: false })).to.equal('token-3');
    expect(net.calls).to.have.length(3);
  });

  it('never writes to storage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const { source } = setup([tokenServer()]);
    await source.getToken({ forceRefresh: false });
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });
});
