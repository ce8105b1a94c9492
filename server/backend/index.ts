/**
 * Platform-neutral entry: the web-standard fetch handler and its configuration, with no Node APIs.
 * A serverless function does `const backend = createBackend(readBackendEnv(env))` once and
 * answers each request with `backend.handle(request, { clientIp })` (the platform's client
 * address; or set TRUST_PROXY and let `X-Forwarded-For` speak). The Node server lives in
 * `node-adapter.ts`, the workerd one in `worker.ts`.
 */
export { createBackend } from './handler.js';
export type { Backend, BackendDeps, BackendStats } from './handler.js';
export type { RequestContext } from './client-ip.js';
export type { Awaitable, FinalReply, HeaderReader, PlainRequest, Reply } from './exchange.js';
export { readBackendEnv, DEFAULTS } from './config.js';
export type {
  BackendConfig,
  BackendEnvConfig,
  CacheConfig,
  PracticeConfig,
  RateLimitConfig,
} from './config.js';
export type { WidgetConfiguration } from './config-route.js';
export { BACKEND_ERRORS } from './errors.js';
export type { ErrorEnvelope, BackendErrorCode } from './errors.js';
export type { WidgetFile, WidgetFiles } from './widget-files.js';
