/**
 * A real `redis-server` (Debian's) for a test: on a free port, no persistence, stopped by the
 * test. `start()` resolves when it says it accepts connections.
 */
import { spawn } from 'node:child_process';
import { printed, stopped } from './child-process.js';
import { freePort } from './free-port.js';

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** `port`: a given one (to start it again where it was), else a free one. */
export async function startRedis(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await printed(child, 'Ready to accept connections');
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => stopped(child) };
}
