/**
 * Test support, not used by the server: a fake portal on a real node:http server, with a token
 * endpoint (every other path but the API and `/oauth/revoke`) and the patient API
 * (`/api/patient/v1/…`). It counts requests and can answer, delay, refuse, fail, hang or talk
 * nonsense on demand.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_PORTAL_MODES = [
  'ok',
  'invalid_client',
  'invalid_grant',
  'server_error',
  'hang',
  'not_json',
  'malformed',
] as const;
export type FakePortalMode = (typeof FAKE_PORTAL_MODES)[number];

/** What the backend sent, as the fake saw it. */
export interface FakePortalRequest {
  method: string;
  /** Path and query string. */
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A canned API answer; `'hang'` never answers. */
export type FakeReply =
  { status: number; headers?: Record<string, string>; body?: unknown; raw?: string } | 'hang';

export interface FakePortal {
  url: string;
  tokenUrl: string;
  apiUrl: string;
  /** Every request, token endpoint and API alike. */
  requests: FakePortalRequest[];
  /** Only the API requests. */
  apiRequests(): FakePortalRequest[];
  /** Only the token endpoint requests. */
  tokenRequests(): FakePortalRequest[];
  /** How the next token requests are answered; change it at any time. */
  mode: FakePortalMode;
  /** Delay before answering (token endpoint and API), ms. */
  delayMs: number;
  /** `expires_in` of issued tokens, s. */
  expiresIn: number;
  /** Access tokens the API answers with 401 `invalid_token`. */
  rejectedTokens: Set<string>;
  /** Overrides the API's default answer when it returns a reply. */
  apiReply: ((request: FakePortalRequest) => FakeReply | undefined) | undefined;
  /** Text every error body carries, so tests can assert it never reaches a client verbatim. */
  readonly errorDescription: string;
  /** Back to mode `ok`, no delay, 7200 s tokens, no requests seen, numbering from `tok-1`. */
  reset(): void;
  close(): Promise<void>;
}

const API_PREFIX = '/api/patient/v1';

export async function startFakePortal(): Promise<FakePortal> {
  let issued = 0;
  let userIssued = 0;
  const portal = {
    requests: [] as FakePortalRequest[],
    mode: 'ok' as FakePortalMode,
    delayMs: 0,
    expiresIn: 7200,
    rejectedTokens: new Set<string>(),
    apiReply: undefined as FakePortal['apiReply'],
    errorDescription: 'upstream-description-do-not-echo',
  };
  const json = (res: ServerResponse, status: number, value: unknown, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(value));
  };

  function token(res: ServerResponse, request: FakePortalRequest): void {
    const mode = portal.mode;
    const error = (status: number, code: string) =>
      json(res, status, { error: code, error_description: portal.errorDescription });
    if (mode === 'hang') return; // never answers; close() cuts the socket
    if (request.path === '/oauth/revoke') return void res.writeHead(200).end(); // RFC 7009
    if (mode === 'invalid_client') return error(401, 'invalid_client');
    if (mode === 'invalid_grant') return error(400, 'invalid_grant');
    if (mode === 'server_error') return error(500, 'server_error');
    if (mode === 'malformed') return json(res, 200, { token_type: 'Bearer', expires_in: 60 });
    if (mode === 'not_json') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end(`<html>${portal.errorDescription}</html>`);
    }
    const grant = new URLSearchParams(request.body).get('grant_type');
    if (grant === 'authorization_code' || grant === 'refresh_token') {
      userIssued += 1;
      return json(res, 200, {
        access_token: `user-${userIssued}`,
        token_type: 'Bearer',
        expires_in: portal.expiresIn,
        refresh_token: `refresh-${userIssued}`,
        scope: 'openid basic appointment_read',
      });
    }
    issued += 1;
    const body = { access_token: `tok-${issued}`, token_type: 'Bearer', scope: 'basic' };
    json(res, 200, { ...body, expires_in: portal.expiresIn, created_at: 1744628265 });
  }

  function api(res: ServerResponse, request: FakePortalRequest): void {
    const bearer = request.authorization?.replace(/^Bearer /, '') ?? '';
    if (portal.rejectedTokens.has(bearer)) {
      const headers = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };
      return json(res, 401, { error: 'invalid_token', message: 'token expired' }, headers);
    }
    const reply = portal.apiReply?.(request);
    if (reply === 'hang') return;
    if (reply) {
      if (reply.raw === undefined) return json(res, reply.status, reply.body ?? {}, reply.headers);
      res.writeHead(reply.status, reply.headers ?? {});
      return void res.end(reply.raw);
    }
    const n = portal.requests.filter((r) => r.path.startsWith(API_PREFIX)).length;
    const data = { path: request.path, n };
    const headers = { 'RateLimit-Limit': '600', 'RateLimit-Remaining': '599', Vary: 'Accept' };
    json(res, request.method === 'POST' ? 201 : 200, { data }, headers);
  }

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request: FakePortalRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        headers: req.headers,
        body,
      };
      portal.requests.push(request);
      const isApi = request.path.startsWith(`${API_PREFIX}/`);
      setTimeout(() => (isApi ? api : token)(res, request), portal.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const isApi = (r: FakePortalRequest) => r.path.startsWith(`${API_PREFIX}/`);
  return Object.assign(portal, {
    url,
    tokenUrl: `${url}/oauth/token`,
    apiUrl: `${url}${API_PREFIX}`,
    apiRequests: () => portal.requests.filter(isApi),
    tokenRequests: () => portal.requests.filter((r) => !isApi(r)),
    reset() {
      Object.assign(portal, { mode: 'ok', delayMs: 0, expiresIn: 7200, apiReply: undefined });
      portal.requests.length = 0;
      portal.rejectedTokens.clear();
      issued = 0;
      userIssued = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
