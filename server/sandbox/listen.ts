/**
 * Listens on both loopback addresses, 127.0.0.1 and ::1, with one port, so that
 * http://localhost:PORT (which may resolve to ::1) and http://127.0.0.1:PORT both work,
 * without exposing the sandbox on other interfaces.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function listenLoopback(
  handler: RequestListener,
  port: number,
): Promise<{ port: number; servers: Server[] }> {
  for (let attempt = 0; ; attempt += 1) {
    const v4 = createServer(handler);
    await listen(v4, port, '127.0.0.1');
    const actual = (v4.address() as AddressInfo).port;
    const v6 = createServer(handler);
    try {
      await listen(v6, actual, '::1');
      return { port: actual, servers: [v4, v6] };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')
        return { port: actual, servers: [v4] };
      await closeServer(v4);
      if (port !== 0 || attempt >= 4) throw err;
    }
  }
}
