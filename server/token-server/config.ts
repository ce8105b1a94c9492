import type { Env } from './env-values.js';
import {
  flag,
  httpUrl,
  integer,
  parseOrigins,
  parseRedirectUris,
  port,
  value,
} from './env-values.js';

/** The optional API proxy (`/api/patient/v1/…`); see README.md. */
export interface ProxyConfig {
  enabled: boolean;
  /** Seconds a catalogue GET stays cached, here and (`s-maxage`) on a CDN. Default 300. */
  catalogueTtlSeconds?: number;
  /** Seconds availabilities stay cached; at most 30. Default 5. */
  availabilityTtlSeconds?: number;
}

/** Fixed-window request budgets per client IP. A limit of 0 turns that budget off. */
export interface RateLimitConfig {
  /** Requests per window on `/token` and `/oauth/token`. Default 60. */
  limit: number;
  /** Requests per window on the API proxy. Default 600. */
  proxyLimit: number;
  /** Window length in seconds. Default 60. */
  windowSeconds: number;
}

/** What the token server needs to know; `readTokenServerEnv` builds it from environment variables. */
export interface TokenServerConfig {
  /** Portal origin (may carry a path prefix), e.g. `https://portal.example`. */
  portalUrl: string;
  /** Token endpoint; default `portalUrl + /oauth/token`. */
  tokenUrl?: string;
  clientId: string;
  /** Held here and sent only to the portal's token endpoint; never logged, never returned. */
  clientSecret: string;
  /** Exact browser origins (`scheme://host[:port]`) that may call the server. */
  allowedOrigins: readonly string[];
  /** Accept requests without an `Origin` header (server-to-server, curl). Default false. */
  allowNoOrigin?: boolean;
  /** Timeout of one upstream request in ms. Default 10 000. */
  upstreamTimeoutMs?: number;
  /** Redirect URIs `POST /oauth/token` accepts (exact strings). Empty or absent: that route is off. */
  redirectUris?: readonly string[];
  /** The API proxy; off when absent. */
  proxy?: ProxyConfig;
  /** Per-client-IP budgets; default `{ limit: 60, proxyLimit: 600, windowSeconds: 60 }`. */
  rateLimit?: RateLimitConfig;
  /**
   * How many reverse-proxy hops append to `X-Forwarded-For` in front of this server. 0 (default):
   * the header is ignored and the client IP is the one the platform passes to `handle()`.
   */
  trustProxy?: number;
}

/** Configuration of the Node entry (`main.ts`): the server's config plus port and logging. */
export interface TokenServerEnvConfig extends TokenServerConfig {
  tokenUrl: string;
  redirectUris: string[];
  proxy: Required<ProxyConfig>;
  rateLimit: RateLimitConfig;
  trustProxy: number;
  port: number;
  quiet: boolean;
}

export const DEFAULTS = {
  port: 4020,
  portalUrl: 'http://localhost:4010',
  clientId: 'demo-client',
  /** The sandbox portal's secret for `demo-client`; production sets its own `CLIENT_SECRET`. */
  clientSecret: 'demo-secret',
  allowedOrigins: [
    'http://localhost:5173',
    'http://127.0.0.1:5173',
    'http://localhost:4173',
    'http://127.0.0.1:4173',
  ],
  catalogueTtlSeconds: 300,
  availabilityTtlSeconds: 5,
  /** Availabilities change when anyone books: never cache them longer than this. */
  maxAvailabilityTtlSeconds: 30,
  rateLimit: { limit: 60, proxyLimit: 600, windowSeconds: 60 },
} as const;

/** Reads the env variables documented in README.md. Throws an `Error` naming the bad variable. */
export function readTokenServerEnv(env: Env): TokenServerEnvConfig {
  const portalUrl = httpUrl('PORTAL_URL', value(env, 'PORTAL_URL') ?? DEFAULTS.portalUrl);
  const tokenUrl = value(env, 'PORTAL_TOKEN_URL');
  const origins = value(env, 'ALLOWED_ORIGINS');
  const { limit, proxyLimit, windowSeconds } = DEFAULTS.rateLimit;
  return {
    port: port(value(env, 'PORT') ?? String(DEFAULTS.port)),
    portalUrl,
    tokenUrl: tokenUrl ? httpUrl('PORTAL_TOKEN_URL', tokenUrl) : defaultTokenUrl(portalUrl),
    clientId: value(env, 'CLIENT_ID') ?? DEFAULTS.clientId,
    clientSecret: value(env, 'CLIENT_SECRET') ?? DEFAULTS.clientSecret,
    allowedOrigins: origins === undefined ? [...DEFAULTS.allowedOrigins] : parseOrigins(origins),
    allowNoOrigin: flag(env, 'ALLOW_NO_ORIGIN'),
    redirectUris: parseRedirectUris(value(env, 'REDIRECT_URIS') ?? ''),
    proxy: {
      enabled: flag(env, 'PROXY'),
      catalogueTtlSeconds: integer(env, 'PROXY_CATALOGUE_TTL', DEFAULTS.catalogueTtlSeconds),
      availabilityTtlSeconds: integer(
        env,
        'PROXY_AVAILABILITY_TTL',
        DEFAULTS.availabilityTtlSeconds,
        0,
        DEFAULTS.maxAvailabilityTtlSeconds,
      ),
    },
    rateLimit: {
      limit: integer(env, 'RATE_LIMIT', limit),
      proxyLimit: integer(env, 'PROXY_RATE_LIMIT', proxyLimit),
      windowSeconds: integer(env, 'RATE_WINDOW_SECONDS', windowSeconds, 1),
    },
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    quiet: flag(env, 'QUIET'),
  };
}

/** `portalUrl + /oauth/token`, tolerating a trailing slash on the portal URL. */
export function defaultTokenUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/oauth/token`;
}

/** `portalUrl + /api/patient/v1`, where the proxy forwards to. */
export function defaultApiUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/api/patient/v1`;
}
