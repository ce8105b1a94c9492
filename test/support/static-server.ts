// A tiny stand-in for a practice's web server, for end-to-end tests and benchmarks: pages the test
// registers in memory, and a path prefix (`/dist/`) passed to the booking backend the way nginx's
// `location /pb/ { proxy_pass http://backend/; }` does it (else files from `root`). Loopback only
// (127.0.0.1), so it answers as
// http://localhost:PORT (`origin`) and as http://127.0.0.1:PORT (`altOrigin`), two origins.
// CSP reports POSTed to `/__csp-report` (a page's `report-uri`) are kept in `cspReports`.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
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

/** A name that is not loopback to the browser, so its pages are not secure contexts. */
export const PLAIN_HTTP_HOST = 'clinic.test';
/** The Chromium flag that sends PLAIN_HTTP_HOST to this machine. */
export const PLAIN_HTTP_RESOLVER = `--host-resolver-rules=MAP ${PLAIN_HTTP_HOST} 127.0.0.1`;

export interface StaticServer {
  url: string;
  origin: string;
  /** The same server under the other loopback name: http://127.0.0.1:PORT, a different origin. */
  altOrigin: string;
  /**
   * The same server as http://clinic.test:PORT, a plain-http origin that is not a secure context
   * (the browser maps the name to loopback: PLAIN_HTTP_RESOLVER in its launch flags).
   */
  plainOrigin: string;
  /** Bodies of the CSP violation reports received at `CSP_REPORT_PATH`, oldest first. */
  cspReports: unknown[];
  /** Serve `html` at `path` (with extra response headers, e.g. a CSP). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** Where pages send CSP violation reports (`report-uri /__csp-report`). */
export const CSP_REPORT_PATH = '/__csp-report';

/** A path prefix the server passes on to another server (the prefix stripped), as nginx would. */
export interface ProxyRule {
  /** e.g. `/dist/`. */
  prefix: string;
  /** e.g. `http://127.0.0.1:4020` (no trailing slash). */
  target: string;
}

/** Passes `req` on to `rule.target` with the prefix stripped, the `Host` kept, the peer added. */
function passOn(rule: ProxyRule, req: IncomingMessage, res: ServerResponse, path: string): void {
  const url = new URL(rule.target);
  const rest = (req.url ?? '/').slice(rule.prefix.length - 1);
  const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
    .filter(Boolean)
    .join(', ');
  const upstream = request(
    {
      host: url.hostname,
      port: url.port,
      method: req.method,
      path: rest,
      headers: { ...req.headers, 'x-forwarded-for': forwarded },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`bad gateway: ${path}`);
  });
  req.pipe(upstream);
}

export async function startStaticServer(
  root: string,
  host = 'localhost',
  proxy?: ProxyRule,
): Promise<StaticServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const cspReports: unknown[] = [];
  const server = createServer((req, res) => void serve(req, res));

  async function collectReport(req: IncomingMessage, res: ServerResponse) {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    try {
      cspReports.push(JSON.parse(body));
    } catch {
      cspReports.push(body);
    }
    res.writeHead(204).end();
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === CSP_REPORT_PATH && req.method === 'POST') return collectReport(req, res);
    const page = pages.get(path);
    // A test's own page wins, even under the proxied prefix (e.g. embed.html with another policy).
    if (!page && proxy && path.startsWith(proxy.prefix)) return passOn(proxy, req, res, path);
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
    altOrigin: `http://${host === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${port}`,
    plainOrigin: `http://${PLAIN_HTTP_HOST}:${port}`,
    cspReports,
    page: (path, html, headers = {}) => pages.set(path, { html, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
