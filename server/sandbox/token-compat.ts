/**
 * Adapts token requests to oidc-provider without touching its grant logic:
 * - parameters may come in the query string (as in the guide's curl examples), a form body or a
 *   JSON body (`Content-Type: application/json`, possibly empty); they are merged (body wins) into
 *   the form body oidc-provider expects;
 * - client_credentials is always narrowed to scope `basic`;
 * - a grant the client may not use is `unauthorized_client` (RFC 6749 §5.2);
 * - successful responses get `created_at` (unix seconds), and `openid` in `scope` when an id_token is issued.
 */
import { IncomingMessage } from 'node:http';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { isPlainObject, readBody } from './http-utils.js';

export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
}

function bodyParams(raw: Buffer, contentType: string): [string, string][] {
  const text = raw.toString('utf8');
  if (!text.trim()) return [];
  if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TokenRequestError('the JSON request body could not be parsed');
    }
    if (!isPlainObject(parsed))
      throw new TokenRequestError('the JSON request body must be an object');
    const pairs: [string, string][] = [];
    for (const [key, value] of Object.entries(parsed)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'object')
        throw new TokenRequestError(`parameter ${key} must be a string`);
      pairs.push([key, String(value)]);
    }
    return pairs;
  }
  if (contentType === '' || contentType === 'application/x-www-form-urlencoded') {
    return [...new URLSearchParams(text)];
  }
  throw new TokenRequestError(`unsupported content-type ${contentType}`);
}

/** A copy of the request with every parameter in an urlencoded body and no query string. */
export async function rewriteTokenRequest(
  req: IncomingMessage,
  url: URL,
): Promise<IncomingMessage> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  let raw: Buffer;
  try {
    raw = await readBody(req, 56 * 1024);
  } catch {
    throw new TokenRequestError('the request body is too large');
  }
  const params = new Map<string, string>(url.searchParams);
  for (const [key, value] of bodyParams(raw, contentType)) params.set(key, value);
  if (params.get('grant_type') === 'client_credentials') params.set('scope', 'basic');

  const body = Buffer.from(new URLSearchParams([...params]).toString());
  const headers: Record<string, string | string[] | undefined> = { ...req.headers };
  delete headers['transfer-encoding'];
  headers['content-type'] = 'application/x-www-form-urlencoded';
  headers['content-length'] = String(body.length);

  const copy = new IncomingMessage(req.socket);
  copy.method = req.method ?? 'POST';
  copy.url = url.pathname;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([k, v]) =>
    v === undefined ? [] : [k, String(v)],
  );
  // complete: otherwise destroying the finished copy counts as an abort and kills the socket.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/** koa middleware (provider.use): decorates successful token responses. */
export async function tokenResponseDecorator(
  ctx: KoaContextWithOIDC,
  next: () => Promise<void>,
): Promise<void> {
  await next();
  if (ctx.oidc?.route !== 'token' || !isPlainObject(ctx.body)) return;
  const body = ctx.body;
  if (
    ctx.status === 400 &&
    body.error === 'invalid_request' &&
    body.error_description === 'requested grant type is not allowed for this client'
  ) {
    body.error = 'unauthorized_client'; // RFC 6749 §5.2
    return;
  }
  if (ctx.status !== 200) return;
  if (typeof body.access_token !== 'string') return;
  body.created_at = Math.floor(Date.now() / 1000);
  if (
    typeof body.id_token === 'string' &&
    typeof body.scope === 'string' &&
    !body.scope.split(' ').includes('openid')
  ) {
    body.scope = `openid ${body.scope}`;
  }
}
