// The Node entry's own defences: slow clients are cut off, one address cannot hold many
// connections, and the process refuses the sandbox's demo secret for a real portal.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { startBackend, type StartedBackend } from '../../server/backend/node-adapter.js';

const started: StartedBackend[] = [];
after(() => Promise.all(started.map((s) => s.close())));

async function backend(limits: Parameters<typeof startBackend>[0]['limits']) {
  const server = await startBackend({
    port: 0,
    portalUrl: 'http://127.0.0.1:9',
    clientId: 'c',
    clientSecret: 's',
    allowedOrigins: [],
    limits,
  });
  started.push(server);
  return Number(new URL(server.url).port);
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with the ms until the server closed `socket` (or `limitMs` if it did not). */
function closedWithin(socket: Socket, limitMs: number): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(limitMs), limitMs);
    socket.on('data', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - t0);
    });
  });
}

describe('the Node entry', () => {
  it('cuts off a client that sends its headers too slowly', async () => {
    const port = await backend({ headersTimeoutMs: 500 });
    const socket = await open(port);
    socket.write('GET /config HTTP/1.1\r\nHost: x\r\n'); // and never the end of the headers
    const ms = await closedWithin(socket, 5000);
    assert.ok(ms < 3000, `closed after ${ms} ms`);
  });

  it('holds at most the cap of connections from one address', async () => {
    const port = await backend({ connectionsPerIp: 3 });
    const kept = await Promise.all([open(port), open(port), open(port)]);
    const extra = await open(port);
    assert.ok((await closedWithin(extra, 2000)) < 2000, 'the fourth connection is closed');
    for (const socket of kept) {
      assert.equal(socket.destroyed, false);
      socket.destroy();
    }
  });

  it("refuses to start with the sandbox's demo secret for a portal that is not the sandbox", async () => {
    const run = (env: Record<string, string>) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/backend/main.ts'], {
          env: { PATH: process.env.PATH ?? '', PORT: '0', QUIET: '1', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const take = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('listening on')) child.kill('SIGTERM');
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        child.once('exit', (code) => resolve({ code, output }));
      });
    const refused = await run({ PORTAL_URL: 'https://portal.example' });
    assert.equal(refused.code, 1);
    assert.match(refused.output, /CLIENT_SECRET is the sandbox demo secret/);
    const demo = await run({ PORTAL_URL: 'https://portal.example', DEMO: '1' });
    assert.match(demo.output, /listening on/);
  });
});
