// Dev-server support for the embedding demos (`npm start`):
// - the built file names work from source: /patient-booking.js, /embed-frame.js and /callback.js
//   are the entry modules, /embed.js is bundled on request into one classic script (as in dist);
// - embed.html and demo/strict-csp.html are sent with the Content-Security-Policy README documents;
// - the demo is reachable as http://localhost:PORT and http://127.0.0.1:PORT, two origins, so the
//   iframe demo runs cross-origin.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { build, type Plugin, type ViteDevServer } from 'vite';
import { strictCsp } from './csp.js';

const ENTRY_MODULES: Record<string, string> = {
  '/patient-booking.js': '/src/patient-booking.ts',
  '/embed-frame.js': '/src/embed/frame.ts',
  '/callback.js': '/src/auth/callback.ts',
};

export interface EmbedDevOptions {
  /** The demo's origins (localhost and 127.0.0.1 on the dev port). */
  origins: string[];
  /** Origins the widget connects to: the sandbox portal and the token server. */
  connect: string[];
}

/** embed.js bundled like `npm run build` does it: one file, no import/export, wrapped in a function. */
async function bundleEmbed(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      rolldownOptions: { input: 'src/embed/loader.ts', output: { format: 'iife' } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs
    .flatMap((o) => ('output' in o ? o.output : []))
    .find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('embed.js: no output');
  return chunk.code;
}

export function embedDev(options: EmbedDevOptions): Plugin {
  const csp = {
    // Only the demo's own origins may frame embed.html.
    '/embed.html': strictCsp({ connect: options.connect, ancestors: options.origins }),
    // 'self' also covers the dev server's websocket (hot reload).
    '/demo/strict-csp.html': strictCsp({ connect: [...options.connect, "'self'"] }),
  } as Record<string, string>;
  let embed: Promise<string> | null = null;

  return {
    name: 'patient-booking:embed-dev',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      server.watcher.on('change', (file) => {
        if (file.includes('/src/embed/')) embed = null;
      });
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://dev');
        const policy = csp[url.pathname];
        if (policy) res.setHeader('Content-Security-Policy', policy);
        const entry = ENTRY_MODULES[url.pathname];
        if (entry) req.url = `${entry}${url.search}`;
        if (url.pathname !== '/embed.js') return next();
        embed ??= bundleEmbed();
        embed.then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(code);
          },
          (error: unknown) => {
            embed = null;
            next(error);
          },
        );
      });
    },
  };
}

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
