// The benchmark's network model (bench/delay-proxy.ts) charges what it claims: a handshake per new
// connection, one round trip per request, each connection its own handshake; and it delivers
// every byte, in order.
import assert from 'node:assert/strict';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startDelayProxy, type DelayProxy } from '../../bench/delay-proxy.js';

const RTT = 200;
const BIG = 3 * 1024 * 1024;

let server: Server;
let proxy: DelayProxy;

/** One GET through `agent`; resolves with the body and the ms it took. */
function get(agent: Agent, path: string): Promise<{ ms: number; body: Buffer }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    request(`${proxy.origin}${path}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - t0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * `ms` took the model's `rtts` round trips: never less (the model's delays are floors), and not
 * more than a fraction of a round trip beyond what a busy machine added. The proxy measures that
 * itself (`maxLateMs`: how late its own timers fired, in this same process), so a loaded machine
 * widens the bound instead of failing the test; one round trip too many still fails it.
 */
function assertRtts(ms: number, rtts: number, late = proxy.stats().maxLateMs): void {
  const expected = rtts * RTT;
  assert.ok(
    ms >= expected * 0.9 && ms <= expected + RTT * 0.4 + 2 * late,
    `${Math.round(ms)} ms, expected ≈ ${expected} ms (${rtts} RTT; timers up to ${late} ms late)`,
  );
}

describe('delay proxy', () => {
  before(async () => {
    const big = Buffer.alloc(BIG);
    for (let i = 0; i < BIG; i += 1) big[i] = (i * 7 + (i >> 12)) & 0xff;
    server = createServer((req, res) => {
      if (req.url === '/big') res.end(big);
      else res.end(`hello ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await startDelayProxy({
      target: { port: (server.address() as AddressInfo).port },
      rttMs: RTT,
    });
  });

  after(async () => {
    await proxy.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('charges a handshake and an exchange on a new connection, one exchange on a kept-alive one', async () => {
    proxy.reset();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await get(agent, '/one');
    assert.equal(first.body.toString(), 'hello /one');
    assertRtts(first.ms, 2);
    const second = await get(agent, '/two');
    assert.equal(second.body.toString(), 'hello /two');
    assertRtts(second.ms, 1);
    assert.deepEqual(
      [proxy.stats().connections, proxy.stats().exchanges],
      [1, 2],
      'one connection, two exchanges',
    );
    const requests = proxy.events().filter((e) => e.kind === 'request');
    assert.deepEqual(
      requests.map((e) => e.line),
      ['GET /one HTTP/1.1', 'GET /two HTTP/1.1'],
    );
    agent.destroy();
  });

  it('charges each parallel connection its own handshake, at the same time', async () => {
    proxy.reset();
    const agent = new Agent({ keepAlive: false, maxSockets: 2 });
    const t0 = performance.now();
    const both = await Promise.all([get(agent, '/a'), get(agent, '/b')]);
    for (const one of both) assertRtts(one.ms, 2);
    assertRtts(performance.now() - t0, 2);
    assert.equal(proxy.stats().connections, 2);
    assert.equal(proxy.stats().exchanges, 2);
    agent.destroy();
  });

  it('charges more handshake round trips when asked (TLS on a plain-HTTP server)', async () => {
    const tls = await startDelayProxy({
      target: { port: (server.address() as AddressInfo).port },
      rttMs: RTT / 2,
      handshakeRtts: 2,
    });
    try {
      const agent = new Agent({ keepAlive: false });
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) =>
        request(`${tls.origin}/tls`, { agent }, (res) => res.resume().on('end', resolve))
          .on('error', reject)
          .end(),
      );
      assertRtts(performance.now() - t0, 1.5, tls.stats().maxLateMs); // 3 × RTT/2
      agent.destroy();
    } finally {
      await tls.close();
    }
  });

  it('delivers a large answer whole and in order', async () => {
    const agent = new Agent({ keepAlive: false });
    const { body } = await get(agent, '/big');
    assert.equal(body.length, BIG);
    for (let i = 0; i < BIG; i += 4099)
      assert.equal(body[i], (i * 7 + (i >> 12)) & 0xff, `byte ${i}`);
    agent.destroy();
  });

  it('closes open connections on dropConnections()', async () => {
    proxy.reset();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await get(agent, '/x');
    proxy.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await get(agent, '/y');
    assertRtts(again.ms, 2);
    assert.equal(proxy.stats().connections, 2);
    agent.destroy();
  });

  it('refuses a target that is not on loopback', async () => {
    await assert.rejects(
      startDelayProxy({ target: { host: '10.0.0.1', port: 80 }, rttMs: RTT }),
      /loopback only/,
    );
  });
});
