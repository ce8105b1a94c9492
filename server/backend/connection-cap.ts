/**
 * At most `perIp` open connections from one address to the Node entry (a browser opens six per
 * origin): one client cannot hold the server's sockets. The operator's own proxies are exempt,
 * since every visitor comes through them. `perIp` 0: no cap (a load test from one address).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { normalizeIp } from './client-ip.js';
import type { TrustedProxies } from './trusted-proxies.js';

export const DEFAULT_CONNECTIONS_PER_IP = 64;

export function capConnections(
  server: Server,
  options: { perIp: number; exempt: TrustedProxies },
): void {
  if (options.perIp <= 0) return; // off
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || options.exempt(address)) return;
    const key = normalizeIp(address);
    const count = (open.get(key) ?? 0) + 1;
    if (count > options.perIp) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left <= 0) open.delete(key);
      else open.set(key, left);
    });
  });
}
