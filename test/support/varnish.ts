/**
 * Debian's Varnish in front of a server, for a test: a free port, Varnish's built-in rules (they
 * honour `Cache-Control`), 16 MB of memory, its own work directory; stopped by the test. What it
 * did is read from its own shared-memory log with `varnishncsa`.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { printed, stopped } from './child-process.js';
import { freePort } from './free-port.js';

export interface Varnish {
  url: string;
  /**
   * One line per transaction, in `varnishncsa -F` `format`: client side (what Varnish answered)
   * or backend side (what it fetched and where it stored it, `%{VSL:Storage}x`).
   */
  log(format: string, side: 'client' | 'backend'): Promise<string[]>;
  stop(): Promise<void>;
}

/** Varnish's built-in rules in front of one server on loopback. */
export const oneBackend = (port: number) =>
  `vcl 4.1;\nbackend default { .host = "127.0.0.1"; .port = "${port}"; }\n`;

/** Starts varnishd with the configuration `vclText` (e.g. `oneBackend(port)`). */
export async function startVarnish(vclText: string): Promise<Varnish> {
  const dir = await mkdtemp(join(tmpdir(), 'pb-varnish-'));
  const vcl = join(dir, 'default.vcl');
  await writeFile(vcl, vclText);
  const port = await freePort();
  const name = join(dir, 'work');
  const child = spawn(
    'varnishd',
    ['-F', '-j', 'none', '-n', name, '-a', `127.0.0.1:${port}`, '-f', vcl, '-s', 'malloc,16m'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await printed(child, 'Child starts');
  return {
    url: `http://127.0.0.1:${port}`,
    async log(format, side) {
      const args = ['-d', '-n', name, side === 'client' ? '-c' : '-b', '-F', format];
      const { stdout } = await promisify(execFile)('varnishncsa', args);
      return stdout.split('\n').filter((line) => line !== '');
    },
    async stop() {
      await stopped(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
