// Dev-server support for `npm start`: the demo is reachable as http://localhost:PORT and
// http://127.0.0.1:PORT, two origins, so the iframe demo runs cross-origin.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ViteDevServer } from 'vite';

/**
 * Vite listens on one address for `localhost`; this answers on the other loopback address too
 * (same port), so both http://localhost:PORT and http://127.0.0.1:PORT reach the dev server.
 */
export async function listenOnBothLoopbacks(vite: ViteDevServer): Promise<Server | null> {
  const primary = vite.httpServer;
  const address = primary?.address() as AddressInfo | null;
  if (!primary || !address) return null;
  const other = { '127.0.0.1': '::1', '::1': '127.0.0.1' }[address.address];
  if (!other) return null;
  const server = createServer(vite.middlewares);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    primary.emit('upgrade', req, socket, head),
  );
  return new Promise((resolve) => {
    server.once('error', () => resolve(null)); // e.g. no IPv6: localhost is then 127.0.0.1 anyway
    server.listen(address.port, other, () => resolve(server));
  });
}
