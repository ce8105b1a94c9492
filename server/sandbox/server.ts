/**
 * The request pipeline in front of everything: log line → CORS (preflights answered) → control
 * routes → queued faults → added latency → API / userinfo / interactions / pages / oidc-provider.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { ApiDeps } from './api/context.js';
import { handleApi } from './api/router.js';
import type { SandboxConfig } from './config.js';
import { handleControl, type ControlDeps } from './control.js';
import { applyCors } from './cors.js';
import { applyFault, type FaultQueue } from './faults.js';
import { sendJson, sleep } from './http-utils.js';
import { handleInteraction } from './interactions.js';
import { logRequests, maskPath, type LogLine } from './logger.js';
import { API_PATH } from './oidc-clients.js';
import { handlePage, isPagePath } from './pages.js';
import type { SandboxState } from './state.js';
import { rewriteTokenRequest, TokenRequestError } from './token-compat.js';
import { handleUserinfo } from './userinfo.js';
import type { RateLimiter } from './rate-limit.js';
import { STYLESHEET_PATH } from './login-pages.js';

export interface PipelineDeps {
  issuer: string;
  config: SandboxConfig;
  provider: Provider;
  state: SandboxState;
  faults: FaultQueue;
  limiter: RateLimiter;
  api: ApiDeps;
  control: ControlDeps;
  isAllowedOrigin: (origin: string) => boolean;
  log: LogLine;
  onError: (where: string, err: unknown) => void;
}

export function createPipeline(deps: PipelineDeps): RequestListener {
  const oidc = deps.provider.callback();

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (path === API_PATH || path.startsWith(`${API_PATH}/`))
      return handleApi(req, res, url, deps.api);
    if (path === '/oauth/userinfo') return handleUserinfo(req, res, deps);
    if (path.startsWith('/interaction/')) return handleInteraction(req, res, url, deps);
    if (isPagePath(path)) return handlePage(req, res, url, deps.state, deps.issuer);
    if (path === '/oauth/token' && req.method === 'POST') {
      let copy: IncomingMessage;
      try {
        copy = await rewriteTokenRequest(req, url);
      } catch (err) {
        if (!(err instanceof TokenRequestError)) throw err;
        return sendJson(res, 400, { error: 'invalid_request', error_description: err.message });
      }
      return oidc(copy, res);
    }
    return oidc(req, res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!deps.config.quiet) logRequests(req, res, deps.log);
    const url = new URL(req.url ?? '/', deps.issuer);
    if (applyCors(req, res, deps.isAllowedOrigin)) return;
    if (url.pathname.startsWith('/__sandbox/')) return handleControl(req, res, url, deps.control);
    if (url.pathname !== STYLESHEET_PATH) {
      const fault = deps.faults.take(req.method ?? 'GET', url.pathname);
      if (fault && applyFault(fault, req, res)) return;
      if (deps.config.latencyMs > 0 && req.method !== 'OPTIONS') await sleep(deps.config.latencyMs);
    }
    return dispatch(req, res, url);
  }

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.onError(`${req.method} ${maskPath((req.url ?? '').split('?')[0])}`, err);
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, 500, { message: 'Internal server error', error: 'server_error' });
      } else {
        res.destroy();
      }
    });
  };
}
