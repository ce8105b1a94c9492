/** Parsers for single environment values. Each throws an `Error` that names the variable. */

export type Env = Readonly<Record<string, string | undefined>>;

/** The trimmed value, or `undefined` when unset or blank. */
export function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** `1` is on; unset, blank or anything else is off. */
export function flag(env: Env, name: string): boolean {
  return value(env, name) === '1';
}

/** A whole number in `[min, max]`, or `fallback` when unset. */
export function integer(env: Env, name: string, fallback: number, min = 0, max = 1e9): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new Error(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
  }
  return n;
}

export function port(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT: "${raw}" is not a port`);
  return n;
}

export function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name}: "${raw}" is not a URL`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`${name}: must be an http(s) URL`);
  return raw;
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Comma-separated exact origins → canonical origins; rejects `*`, paths and non-http(s) entries. */
export function parseOrigins(raw: string): string[] {
  return list(raw).map((entry) => {
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

/**
 * Comma-separated absolute http(s) redirect URIs without fragment. Kept exactly as written: the
 * portal compares them as strings (RFC 6749 §3.1.2), and so does `/oauth/token`.
 */
export function parseRedirectUris(raw: string): string[] {
  return list(raw).map((entry) => {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || entry.includes('#') || url.username) {
      throw new Error(`REDIRECT_URIS: "${entry}" is not a URL like https://clinic.example/cb.html`);
    }
    return entry;
  });
}
