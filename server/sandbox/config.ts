/** Sandbox settings: defaults, environment knobs and the runtime-mutable part. */

export interface RuntimeSettings {
  /** Requests per window and client_id over the API and userinfo (SANDBOX_RATE_LIMIT). */
  rateLimit: number;
  /** Fixed rate-limit window in ms (SANDBOX_RATE_WINDOW_MS). */
  rateWindowMs: number;
  /** Added latency before every API/OAuth response (SANDBOX_LATENCY_MS). */
  latencyMs: number;
  /** Lifetime of access tokens, user and guest, in seconds (SANDBOX_TOKEN_TTL). */
  tokenTtl: number;
}

export interface SandboxConfig extends RuntimeSettings {
  /** TCP port; 0 picks a free one (SANDBOX_PORT, default 4010). */
  port: number;
  /** OIDC issuer; default http://localhost:PORT (SANDBOX_ISSUER). */
  issuer?: string;
  /** Seed of the fictitious data and of the availability-id key (SANDBOX_SEED). */
  seed: string;
  /** Extra redirect URIs for demo-spa and demo-client (SANDBOX_REDIRECT_URIS, comma-separated). */
  redirectUris: string[];
  /** Extra CORS origins besides any localhost / 127.0.0.1 one; "*" allows all (SANDBOX_CORS_ORIGINS). */
  corsOrigins: string[];
  /** No request log lines (SANDBOX_QUIET=1). */
  quiet: boolean;
}

export const DEFAULT_CONFIG: SandboxConfig = {
  port: 4010,
  seed: 'patient-booking-sandbox',
  tokenTtl: 7200,
  rateLimit: 600,
  rateWindowMs: 60_000,
  latencyMs: 0,
  redirectUris: [],
  corsOrigins: [],
  quiet: false,
};

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function listFrom(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Reads the SANDBOX_* variables; unset ones keep their defaults. */
export function configFromEnv(env: Env = process.env): SandboxConfig {
  const issuer = env.SANDBOX_ISSUER?.trim();
  return {
    port: intFrom(env, 'SANDBOX_PORT', DEFAULT_CONFIG.port),
    ...(issuer ? { issuer: issuer.replace(/\/+$/, '') } : {}),
    seed: env.SANDBOX_SEED?.trim() || DEFAULT_CONFIG.seed,
    tokenTtl: intFrom(env, 'SANDBOX_TOKEN_TTL', DEFAULT_CONFIG.tokenTtl, 1),
    rateLimit: intFrom(env, 'SANDBOX_RATE_LIMIT', DEFAULT_CONFIG.rateLimit, 1),
    rateWindowMs: intFrom(env, 'SANDBOX_RATE_WINDOW_MS', DEFAULT_CONFIG.rateWindowMs, 1),
    latencyMs: intFrom(env, 'SANDBOX_LATENCY_MS', DEFAULT_CONFIG.latencyMs),
    redirectUris: listFrom(env, 'SANDBOX_REDIRECT_URIS'),
    corsOrigins: listFrom(env, 'SANDBOX_CORS_ORIGINS'),
    quiet: env.SANDBOX_QUIET === '1' || env.SANDBOX_QUIET === 'true',
  };
}

/** Validates a partial runtime update (POST /__sandbox/config); returns an error message or null. */
export function validateRuntimeUpdate(input: Record<string, unknown>): string | null {
  const limits: Record<keyof RuntimeSettings, number> = {
    rateLimit: 1,
    rateWindowMs: 1,
    latencyMs: 0,
    tokenTtl: 1,
  };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in limits)) return `unknown setting "${key}"`;
    const min = limits[key as keyof RuntimeSettings];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      return `${key} must be an integer >= ${min}`;
    }
  }
  return null;
}
