import type { Env } from './env-values.js';
import { parseTrustedProxies } from './trusted-proxies.js';
import { decodeSessionKey } from './session-cookie.js';
import {
  flag,
  httpUrl,
  integer,
  parseOrigins,
  parseRedirectUris,
  port,
  value,
} from './env-values.js';

/** How long the backend (and, via `s-maxage`, a CDN) keeps guest API answers. */
export interface CacheConfig {
  /** Seconds a catalogue GET stays cached. Default 300; 0: not cached. */
  catalogueTtlSeconds?: number;
  /** Seconds availabilities stay cached; at most 30. Default 5. */
  availabilityTtlSeconds?: number;
}

/** Fixed-window request budgets per client IP. A limit of 0 turns that budget off. */
export interface RateLimitConfig {
  /** Requests per window on `/oauth/token`. Default 60. */
  limit: number;
  /** Requests per window on the API (`/api/patient/v1/…`, `/oauth/userinfo`). Default 600. */
  proxyLimit: number;
  /**
   * Guest GETs per window that reach the portal (the cache cannot answer them): one address's
   * share of the portal's per-client budget. Default 60, a tenth of the portal's 600 a minute.
   */
  upstreamLimit?: number;
  /** Window length in seconds. Default 60. */
  windowSeconds: number;
}

/** The proof of work a guest's booking carries (`proof-of-work.ts`). */
export interface ProofConfig {
  /**
   * Signs the challenges. Default: random at start, so challenges from one process are only
   * valid there: instances behind one load balancer (and Workers' isolates) need the same key.
   */
  hmacKey?: string;
  /** The largest secret number; a browser tries half as many hashes on average. Default 100 000. */
  maxNumber?: number;
  /** Seconds a challenge may be solved and used in. Default 600. */
  expiresSeconds?: number;
}

/** Guest bookings per window (`booking-budgets.ts`: 1 hour, 1 day, 10 minutes); 0: off. */
export interface BookingLimitsConfig {
  /** Per client IP (an IPv4 address, an IPv6 /64) and hour. Default 5. */
  perIp: number;
  /** Per patient email address (as a keyed hash) and day. Default 3. */
  perEmail: number;
  /** Per slot (`availability_id`) and 10 minutes. Default 3. */
  perSlot: number;
}

/** What the widget is told about the practice (`GET config`): public facts only. */
export interface PracticeConfig {
  /** The practice's phone number as patients dial it, e.g. `030 1234567`. */
  phone?: string;
  /** The practice's privacy notice. */
  privacyUrl?: string;
}

/** What the backend needs to know; `readBackendEnv` builds it from environment variables. */
export interface BackendConfig {
  /** Portal origin (may carry a path prefix), e.g. `https://portal.example`. */
  portalUrl: string;
  /** Token endpoint; default `portalUrl + /oauth/token`. */
  tokenUrl?: string;
  /** Token revocation endpoint (RFC 7009); default `portalUrl + /oauth/revoke`. */
  revocationUrl?: string;
  /**
   * 32 bytes in base64: the key that seals patients' refresh tokens into their session cookies.
   * Instances behind one name need the same key. Absent: a random key per process, so sessions
   * end when it restarts.
   */
  sessionKey?: string;
  clientId: string;
  /** Held here and sent only to the portal's token endpoint; never logged, never returned. */
  clientSecret: string;
  /**
   * Exact origins (`scheme://host[:port]`) of pages on other origins that may call the API.
   * Pages on the backend's own origin need no entry.
   */
  allowedOrigins: readonly string[];
  /** Accept POSTs without an `Origin` header (server-to-server, curl). Default false. */
  allowNoOrigin?: boolean;
  /** Timeout of one upstream request in ms. Default 10 000. */
  upstreamTimeoutMs?: number;
  /**
   * The login popup's callback pages (`…/callback.html`) registered with the portal; the widget
   * uses the one beside its own files. Empty or absent: no patient login.
   */
  redirectUris?: readonly string[];
  /** Guest API cache lifetimes. */
  cache?: CacheConfig;
  /** Per-client-IP budgets; default `{ limit: 60, proxyLimit: 600, windowSeconds: 60 }`. */
  rateLimit?: RateLimitConfig;
  /**
   * Addresses and networks (CIDR) of the reverse proxies in front of this server, whose
   * `X-Forwarded-For` says who the client is. Empty (default): the header is ignored and the
   * client IP is the one the platform passes to `handle()`.
   */
  trustProxy?: readonly string[];
  /** Public facts for the widget's configuration. */
  practice?: PracticeConfig;
  /** A guest booking's proof of work; defaults as in `DEFAULTS.proof`, a random key. */
  proof?: ProofConfig;
  /** Guest booking budgets; default `DEFAULTS.bookingLimits`. */
  bookingLimits?: BookingLimitsConfig;
}

/** Configuration of the Node entry (`main.ts`): the backend's config plus port, files and logging. */
export interface BackendEnvConfig extends BackendConfig {
  tokenUrl: string;
  revocationUrl: string;
  redirectUris: string[];
  cache: Required<CacheConfig>;
  rateLimit: RateLimitConfig;
  trustProxy: string[];
  practice: PracticeConfig;
  proof: ProofConfig;
  bookingLimits: BookingLimitsConfig;
  port: number;
  /** The built widget (`dist/`), served at the backend's root. */
  widgetDir: string;
  quiet: boolean;
  /** `DEMO=1`: the sandbox's demo secret is acceptable. */
  demo: boolean;
}

export const DEFAULTS = {
  port: 4020,
  portalUrl: 'http://localhost:4010',
  clientId: 'demo-client',
  /** The sandbox portal's secret for `demo-client`; production sets its own `CLIENT_SECRET`. */
  clientSecret: 'demo-secret',
  widgetDir: 'dist',
  catalogueTtlSeconds: 300,
  availabilityTtlSeconds: 5,
  /** Availabilities change when anyone books: never cache them longer than this. */
  maxAvailabilityTtlSeconds: 30,
  rateLimit: { limit: 60, proxyLimit: 600, upstreamLimit: 60, windowSeconds: 60 },
  /** About 0.1–0.5 s of hashing on a phone (pure-JS SHA-256 in a worker); see docs/deploy.md. */
  proof: { maxNumber: 100_000, expiresSeconds: 600 },
  bookingLimits: { perIp: 5, perEmail: 3, perSlot: 3 },
} as const;

/** Reads the env variables documented in README.md. Throws an `Error` naming the bad variable. */
export function readBackendEnv(env: Env): BackendEnvConfig {
  const portalUrl = httpUrl('PORTAL_URL', value(env, 'PORTAL_URL') ?? DEFAULTS.portalUrl);
  const tokenUrl = value(env, 'PORTAL_TOKEN_URL');
  const revocationUrl = value(env, 'PORTAL_REVOKE_URL');
  const sessionKey = value(env, 'SESSION_KEY');
  if (sessionKey !== undefined) decodeSessionKey(sessionKey);
  const { limit, proxyLimit, windowSeconds } = DEFAULTS.rateLimit;
  const privacyUrl = value(env, 'PRIVACY_URL');
  const phone = value(env, 'PRACTICE_PHONE');
  if (phone !== undefined && !/^\+?[0-9 ()/-]{3,30}$/.test(phone)) {
    throw new Error(`PRACTICE_PHONE: "${phone}" is not a phone number like 030 1234567`);
  }
  return {
    port: port(value(env, 'PORT') ?? String(DEFAULTS.port)),
    portalUrl,
    tokenUrl: tokenUrl ? httpUrl('PORTAL_TOKEN_URL', tokenUrl) : defaultTokenUrl(portalUrl),
    revocationUrl: revocationUrl
      ? httpUrl('PORTAL_REVOKE_URL', revocationUrl)
      : portalEndpoint(portalUrl, '/oauth/revoke'),
    ...(sessionKey ? { sessionKey } : {}),
    clientId: value(env, 'CLIENT_ID') ?? DEFAULTS.clientId,
    clientSecret: value(env, 'CLIENT_SECRET') ?? DEFAULTS.clientSecret,
    allowedOrigins: parseOrigins(value(env, 'ALLOWED_ORIGINS') ?? ''),
    allowNoOrigin: flag(env, 'ALLOW_NO_ORIGIN'),
    redirectUris: parseRedirectUris(value(env, 'REDIRECT_URIS') ?? ''),
    cache: {
      catalogueTtlSeconds: integer(env, 'CATALOGUE_TTL', DEFAULTS.catalogueTtlSeconds),
      availabilityTtlSeconds: integer(
        env,
        'AVAILABILITY_TTL',
        DEFAULTS.availabilityTtlSeconds,
        0,
        DEFAULTS.maxAvailabilityTtlSeconds,
      ),
    },
    rateLimit: {
      limit: integer(env, 'RATE_LIMIT', limit),
      proxyLimit: integer(env, 'API_RATE_LIMIT', proxyLimit),
      upstreamLimit: integer(env, 'UPSTREAM_RATE_LIMIT', DEFAULTS.rateLimit.upstreamLimit),
      windowSeconds: integer(env, 'RATE_WINDOW_SECONDS', windowSeconds, 1),
    },
    trustProxy: trustedProxies(value(env, 'TRUST_PROXY') ?? ''),
    practice: {
      ...(phone ? { phone } : {}),
      ...(privacyUrl ? { privacyUrl: httpUrl('PRIVACY_URL', privacyUrl) } : {}),
    },
    proof: readProofEnv(env),
    bookingLimits: {
      perIp: integer(env, 'BOOKING_IP_LIMIT', DEFAULTS.bookingLimits.perIp),
      perEmail: integer(env, 'BOOKING_EMAIL_LIMIT', DEFAULTS.bookingLimits.perEmail),
      perSlot: integer(env, 'BOOKING_SLOT_LIMIT', DEFAULTS.bookingLimits.perSlot),
    },
    widgetDir: value(env, 'WIDGET_DIR') ?? DEFAULTS.widgetDir,
    quiet: flag(env, 'QUIET'),
    demo: flag(env, 'DEMO'),
  };
}

/** Comma-separated addresses and networks, each checked (the error names the variable). */
function trustedProxies(raw: string): string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  parseTrustedProxies(entries);
  return entries;
}

function readProofEnv(env: Env): ProofConfig {
  const hmacKey = value(env, 'POW_HMAC_KEY');
  if (hmacKey !== undefined && hmacKey.length < 32) {
    throw new Error('POW_HMAC_KEY: use at least 32 random characters (e.g. openssl rand -hex 32)');
  }
  return {
    ...(hmacKey ? { hmacKey } : {}),
    maxNumber: integer(env, 'POW_MAX_NUMBER', DEFAULTS.proof.maxNumber, 1000, 10_000_000),
    expiresSeconds: integer(env, 'POW_EXPIRES_SECONDS', DEFAULTS.proof.expiresSeconds, 60, 86_400),
  };
}

/** `portalUrl + /oauth/token`, tolerating a trailing slash on the portal URL. */
export function defaultTokenUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/oauth/token`;
}

/** `portalUrl + /api/patient/v1`, where the API is forwarded to. */
export function defaultApiUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/api/patient/v1`;
}

/** `portalUrl + path` (`/oauth/authorize`, `/oauth/userinfo`). */
export function portalEndpoint(portalUrl: string, path: string): string {
  return `${portalUrl.replace(/\/+$/, '')}${path}`;
}
