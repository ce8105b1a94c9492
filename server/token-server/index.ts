/**
 * Platform-neutral entry: the web-standard fetch handler and its configuration, with no Node APIs.
 * A serverless function does `const { handle } = createTokenServer(readTokenServerEnv(env))` once
 * and answers each request with `handle(request)`. The Node server lives in `node-adapter.ts`.
 */
export { createTokenServer } from './handler.js';
export type { TokenServer, TokenServerDeps } from './handler.js';
export { readTokenServerEnv, DEFAULTS } from './config.js';
export type { TokenServerConfig, TokenServerEnvConfig } from './config.js';
export { TOKEN_SERVER_ERRORS } from './errors.js';
export type { ErrorEnvelope, TokenServerErrorCode } from './errors.js';
export type { GuestTokenResponse } from './token-route.js';
export { CLIENT_HEADER } from './cors.js';
