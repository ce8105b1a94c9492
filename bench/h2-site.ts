// The practice's web server over HTTPS + HTTP/2 (one connection carries every request): pages
// from memory, `/pb/` passed on to the backend over HTTP/1.1 with the prefix stripped, as nginx
// with `listen 443 ssl http2` and `location /pb/ { proxy_pass … }` does. For the round trips only.
import { request } from 'node:http';
import {
  createSecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { PREFIX } from './stack.js';
import { certificate } from './tls-certificate.js';

export interface H2Site {
  port: number;
  page(path: string, html: string): void;
  close(): Promise<void>;
}

/** Headers HTTP/2 forbids (connection-specific), dropped from the backend's answer. */
const HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
]);

function passOn(backend: URL, req: Http2ServerRequest, res: Http2ServerResponse): void {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers))
    if (!name.startsWith(':')) headers[name] = value;
  headers.host = req.headers[':authority'] ?? backend.host;
  const upstream = request(
    {
      host: backend.hostname,
      port: backend.port,
      method: req.method,
      path: (req.url ?? '/').slice(PREFIX.length - 1),
      headers,
    },
    (answer) => {
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined && !HOP.has(name)) out[name] = value;
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

/** `backend.url` may be set once the backend runs (its configuration names this site's origin). */
export async function startH2Site(backend: { url: string }): Promise<H2Site> {
  const pages = new Map<string, string>();
  const sessions = new Set<ServerHttp2Session>();
  const server = createSecureServer({ ...certificate(), allowHTTP1: false }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    if (path.startsWith(PREFIX)) return passOn(new URL(backend.url), req, res);
    const html = pages.get(path);
    if (html === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    page: (path, html) => pages.set(path, html),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  };
}
