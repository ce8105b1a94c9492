/**
 * The patient's refresh token, kept out of the page's reach: sealed with AES-GCM (WebCrypto, the
 * same in Node and workerd) under the backend's `SESSION_KEY` into an `HttpOnly` cookie that only
 * the login exchange sees. No server-side store: any instance with the same key can open it, and a
 * Worker's isolates share no memory.
 *
 * The cookie has no `Path` attribute, so the browser scopes it to the directory of the exchange it
 * came from (`…/oauth/` under whatever prefix the practice maps to the backend), and `__Secure-`
 * rather than `__Host-`, which would demand `Path=/` and send it with every request to the site.
 */
export const SESSION_COOKIE = '__Secure-pb-refresh';

/** Attributes of the cookie; no `Max-Age`: it ends with the browser session at the latest. */
const ATTRIBUTES = 'HttpOnly; Secure; SameSite=Strict';

/** However often it is refreshed, a sign-in lasts at most this long. */
export const MAX_SESSION_MS = 12 * 3600 * 1000;

/** Key bytes of `SESSION_KEY`: 32 bytes, written as base64url / base64 (43 or 44 characters). */
export const SESSION_KEY_BYTES = 32;

const IV_BYTES = 12;

/** What the cookie holds: the portal's refresh token and when the patient signed in. */
export interface SessionPayload {
  refreshToken: string;
  /** Epoch ms of the sign-in; kept across refreshes (see `MAX_SESSION_MS`). */
  signedInAt: number;
}

export interface SessionSealer {
  /** The `Set-Cookie` value for `payload`. */
  setCookie(payload: SessionPayload): Promise<string>;
  /** The payload of the request's cookie, if one opens under the key (see `isCurrent`). */
  read(cookieHeader: string | null): Promise<SessionPayload | undefined>;
}

/** The `Set-Cookie` value that removes the cookie (same name and default path). */
export const CLEAR_SESSION_COOKIE = `${SESSION_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`;

/** Decodes `SESSION_KEY`; throws an `Error` naming the variable when it is not 32 bytes. */
export function decodeSessionKey(raw: string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  try {
    bytes = fromBase64Url(raw.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  } catch {
    bytes = undefined;
  }
  if (!bytes || bytes.length !== SESSION_KEY_BYTES) {
    throw new Error(
      `SESSION_KEY: not ${SESSION_KEY_BYTES} bytes in base64 (e.g. openssl rand -base64 32)`,
    );
  }
  return bytes;
}

/**
 * A sealer under `keyBytes` (absent: a random key, made on first use, so sessions end when the
 * process does). `context` (the client id) is bound into every seal as associated data.
 */
export function sessionSealer(
  keyBytes: Uint8Array<ArrayBuffer> | undefined,
  context: string,
): SessionSealer {
  let key: Promise<CryptoKey> | undefined;
  const aad = new TextEncoder().encode(`${SESSION_COOKIE}:v1:${context}`);
  const getKey = () =>
    (key ??= crypto.subtle.importKey(
      'raw',
      keyBytes ?? crypto.getRandomValues(new Uint8Array(SESSION_KEY_BYTES)),
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    ));

  async function open(value: string): Promise<SessionPayload | undefined> {
    try {
      const sealed = fromBase64Url(value);
      const iv = sealed.slice(0, IV_BYTES);
      const algorithm = { name: 'AES-GCM', iv, additionalData: aad };
      const plain = await crypto.subtle.decrypt(algorithm, await getKey(), sealed.slice(IV_BYTES));
      const parsed = JSON.parse(new TextDecoder().decode(plain)) as Partial<SessionPayload>;
      const { refreshToken, signedInAt } = parsed;
      if (typeof refreshToken !== 'string' || typeof signedInAt !== 'number') return undefined;
      return { refreshToken, signedInAt };
    } catch {
      return undefined; // another key, tampered with, or not ours
    }
  }

  return {
    async setCookie(payload) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const plain = new TextEncoder().encode(JSON.stringify(payload));
      const algorithm = { name: 'AES-GCM', iv, additionalData: aad };
      const sealed = new Uint8Array(await crypto.subtle.encrypt(algorithm, await getKey(), plain));
      const value = new Uint8Array(IV_BYTES + sealed.length);
      value.set(iv);
      value.set(sealed, IV_BYTES);
      return `${SESSION_COOKIE}=${toBase64Url(value)}; ${ATTRIBUTES}`;
    },
    async read(cookieHeader) {
      // Several cookies of the name (e.g. from an older path): the first one that opens wins.
      for (const value of cookieValues(cookieHeader, SESSION_COOKIE)) {
        const payload = await open(value);
        if (payload) return payload;
      }
      return undefined;
    },
  };
}

/** The sign-in is younger than `MAX_SESSION_MS`. */
export const isCurrent = (payload: SessionPayload, now: number): boolean =>
  now - payload.signedInAt < MAX_SESSION_MS && payload.signedInAt <= now + 60_000;

/** Values of the cookies called `name` in a `Cookie` header, in order. */
export function cookieValues(header: string | null, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
