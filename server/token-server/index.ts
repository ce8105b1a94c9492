/**
 * Platform-neutral entry: the web-standard fetch handler and its configuration, with no Node APIs.
 * A serverless function does `const server = createTokenServer(readTokenServerEnv(env))` once and
 * answers each request with `server.handle(request, { clientIp })` (the platform's client address;
 * or set TRUST_PROXY and let `X-Forwarded-For` speak). The Node server lives in `node-adapter.ts`.
 */
export { createTokenServer } from './handler.js';
export type { TokenServer, TokenServerDeps, TokenServerStats } from './handler.js';
export type { RequestContext } from './client-ip.js';
export type { Awaitable, FinalReply, HeaderReader, PlainRequest, Reply } from './exchange.js';
export { readTokenServerEnv, DEFAULTS } from './config.js';
export type {
  ProxyConfig,
  RateLimitConfig,
  TokenServerConfig,
  TokenServerEnvConfig,
} from './config.js';
export { TOKEN_SERVER_ERRORS } from './errors.js';
export type { ErrorEnvelope, TokenServerErrorCode } from './errors.js';
export type { GuestTokenResponse } from './token-route.js';
export { CLIENT_HEADER } from './cors.js';
