// A tiny static server for end-to-end tests and benchmarks: the built dist/ under /dist/, and
// pages the test registers in memory. Loopback only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  origin: string;
  /** Serve `html` at `path` (with extra response headers, e.g. a CSP). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, host = 'localhost'): Promise<StaticServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer((req, res) => void serve(req, res));

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-store',
        ...page.headers,
      });
      res.end(page.html);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    url: origin,
    origin,
    page: (path, html, headers = {}) => pages.set(path, { html, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
