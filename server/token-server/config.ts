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
  /** Timeout of one upstream token request in ms. Default 10 000. */
  upstreamTimeoutMs?: number;
}

/** Configuration of the Node entry (`main.ts`): the server's config plus port and logging. */
export interface TokenServerEnvConfig extends TokenServerConfig {
  tokenUrl: string;
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
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the env variables documented in README.md. Throws an `Error` naming the bad variable. */
export function readTokenServerEnv(env: Env): TokenServerEnvConfig {
  const portalUrl = httpUrl('PORTAL_URL', value(env, 'PORTAL_URL') ?? DEFAULTS.portalUrl);
  const tokenUrl = value(env, 'PORTAL_TOKEN_URL');
  const origins = value(env, 'ALLOWED_ORIGINS');
  return {
    port: port(value(env, 'PORT') ?? String(DEFAULTS.port)),
    portalUrl,
    tokenUrl: tokenUrl ? httpUrl('PORTAL_TOKEN_URL', tokenUrl) : defaultTokenUrl(portalUrl),
    clientId: value(env, 'CLIENT_ID') ?? DEFAULTS.clientId,
    clientSecret: value(env, 'CLIENT_SECRET') ?? DEFAULTS.clientSecret,
    allowedOrigins: origins === undefined ? [...DEFAULTS.allowedOrigins] : parseOrigins(origins),
    allowNoOrigin: value(env, 'ALLOW_NO_ORIGIN') === '1',
    quiet: value(env, 'QUIET') === '1',
  };
}

/** `portalUrl + /oauth/token`, tolerating a trailing slash on the portal URL. */
export function defaultTokenUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/oauth/token`;
}

/** Comma-separated exact origins → canonical origins; rejects `*`, paths and non-http(s) entries. */
export function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      const plain = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
      if (!url || !plain || !/^https?:$/.test(url.protocol)) {
        throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin like https://clinic.example`);
      }
      return url.origin;
    });
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function port(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT: "${raw}" is not a port`);
  return n;
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name}: "${raw}" is not a URL`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`${name}: must be an http(s) URL`);
  return raw;
}
