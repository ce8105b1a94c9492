/** Types shared by the API route handlers. */
import type Provider from 'oidc-provider';
import type { AvailabilityCodec } from '../availability-ids.js';
import type { SandboxConfig } from '../config.js';
import type { ApiResponse } from '../envelopes.js';
import type { IdempotencyStore } from '../idempotency.js';
import type { RateLimiter } from '../rate-limit.js';
import type { SandboxState } from '../state.js';
import type { TokenInfo } from '../tokens.js';
import type { Access } from './auth.js';

export interface ApiDeps {
  provider: Provider;
  state: SandboxState;
  config: SandboxConfig;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  codec: AvailabilityCodec;
  /** prng.seedNumber(config.seed), for the availability gaps. */
  seedNumber: number;
  issuer: string;
  onError: (where: string, err: unknown) => void;
}

export interface RequestContext {
  deps: ApiDeps;
  token: TokenInfo;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: number;
}

export type Handler = (ctx: RequestContext) => ApiResponse | Promise<ApiResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below /api/patient/v1 with `:name` segments. */
  pattern: string;
  access: Access;
  handler: Handler;
}

/** The patient of a user token (checkAccess guarantees one on patient routes). */
export function patientId(ctx: RequestContext): string {
  if (!ctx.token.accountId) throw new Error('patient route without a patient token');
  return ctx.token.accountId;
}
