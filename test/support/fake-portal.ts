/**
 * Test support, not used by the server: a fake portal token endpoint on a real node:http server.
 * It counts requests and can answer, delay, refuse, fail, hang or talk nonsense on demand.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_PORTAL_MODES = [
  'ok',
  'invalid_client',
  'server_error',
  'hang',
  'not_json',
  'malformed',
] as const;
export type FakePortalMode = (typeof FAKE_PORTAL_MODES)[number];

/** What the token server sent, as the fake saw it. */
export interface FakePortalRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

export interface FakePortal {
  url: string;
  tokenUrl: string;
  requests: FakePortalRequest[];
  /** How the next requests are answered; change it at any time. */
  mode: FakePortalMode;
  /** Delay before answering, ms. */
  delayMs: number;
  /** `expires_in` of issued tokens, s. */
  expiresIn: number;
  /** Text every error body carries, so tests can assert it never reaches a client verbatim. */
  readonly errorDescription: string;
  /** Back to mode `ok`, no delay, 7200 s tokens, no requests seen, numbering from `tok-1`. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakePortal(): Promise<FakePortal> {
  let issued = 0;
  const portal: Omit<FakePortal, 'url' | 'tokenUrl' | 'reset' | 'close'> = {
    requests: [],
    mode: 'ok',
    delayMs: 0,
    expiresIn: 7200,
    errorDescription: 'upstream-description-do-not-echo',
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      portal.requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      const mode = portal.mode;
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      setTimeout(() => {
        if (mode === 'hang') return; // never answers; close() cuts the socket
        if (mode === 'ok') {
          issued += 1;
          const token = { access_token: `tok-${issued}`, token_type: 'Bearer', scope: 'basic' };
          return json(200, { ...token, expires_in: portal.expiresIn, created_at: 1744628265 });
        }
        if (mode === 'invalid_client') {
          return json(401, { error: 'invalid_client', error_description: portal.errorDescription });
        }
        if (mode === 'server_error') {
          return json(500, { error: 'server_error', error_description: portal.errorDescription });
        }
        if (mode === 'malformed') return json(200, { token_type: 'Bearer', expires_in: 60 });
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(`<html>${portal.errorDescription}</html>`);
      }, portal.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(portal, {
    url,
    reset() {
      Object.assign(portal, { mode: 'ok', delayMs: 0, expiresIn: 7200 });
      portal.requests.length = 0;
      issued = 0;
    },
    tokenUrl: `${url}/oauth/token`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
