/**
 * Helpers for tests against an in-process sandbox portal: start one, get guest and patient
 * tokens (the code flow with PKCE driven over HTTP with a cookie jar), call the API.
 */
import { createHash, randomBytes } from 'node:crypto';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../server/sandbox/app.js';

export type { Sandbox } from '../../../server/sandbox/app.js';

export const REDIRECT_URI = 'http://localhost:5173/callback.html';
export const ALL_SCOPES = 'basic profile_read appointment_read appointment_write';
export const API = '/api/patient/v1';

export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, quiet: true, env: {}, ...options });
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function asJson<T = Record<string, unknown>>(res: Response): Promise<JsonResponse<T>> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export interface ApiCall {
  token?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Meta {
  page: number;
  per_page: number;
  total_count: number;
  has_more: boolean;
}

export interface ListBody<T> {
  data: T[];
  meta: Meta;
}

export interface DataBody<T> {
  data: T;
}

export interface ErrorBody {
  message: string;
  error?: string;
  errors?: { field: string; message: string }[];
}

export interface AvailabilityJson {
  id: string;
  starts_at: string;
  ends_at: string;
  location_id?: number;
}

export interface AppointmentJson {
  id: string;
  patient_id?: string;
  starts_at: string;
  ends_at: string;
  status: 'confirmed' | 'cancelled';
  appointment_type: { id: number; name: string };
  appointment_category: { id: number; name: string };
  location?: { id: number; institution_id: number; name: string; address: Record<string, string> };
  insurance_id?: number;
  video_consultation: boolean;
  cancelable: boolean;
  reschedulable: boolean;
  asap_list_subscription: { email: string } | null;
}

/** Calls the patient API (path below /api/patient/v1) and parses the JSON answer. */
export async function api<T = ErrorBody>(
  sb: Sandbox,
  path: string,
  call: ApiCall = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sb.url}${API}${path}`, {
    method: call.method ?? (call.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(call.body !== undefined
      ? { body: typeof call.body === 'string' ? call.body : JSON.stringify(call.body) }
      : {}),
  });
  return asJson<T>(res);
}

export async function control<T = { data: unknown; message?: string }>(
  sb: Sandbox,
  path: string,
  method = 'POST',
  body?: unknown,
): Promise<JsonResponse<T>> {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return asJson<T>(res);
}

/** GET /__sandbox/bookings: appointments booked since start/reset, with patient data. */
export async function bookings(sb: Sandbox): Promise<Record<string, unknown>[]> {
  return (await control<{ data: Record<string, unknown>[] }>(sb, 'bookings', 'GET')).body.data;
}

export async function guestToken(sb: Sandbox, scope = 'basic'): Promise<string> {
  const query = new URLSearchParams({
    client_id: 'demo-client',
    client_secret: 'demo-secret',
    grant_type: 'client_credentials',
    scope,
  });
  const res = await asJson(
    await fetch(`${sb.url}/oauth/token?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    }),
  );
  if (res.status !== 200) throw new Error(`guest token: ${res.status} ${res.text}`);
  return String(res.body.access_token);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A minimal cookie jar: name → value, ignoring paths (names are unique enough here). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired =
        attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()) ||
        attrs.some((a) => /^\s*max-age=0/i.test(a));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface LoginOptions {
  clientId?: 'demo-spa' | 'demo-client';
  scope?: string;
  email?: string;
  password?: string;
  consent?: 'allow' | 'deny';
  pkce?: boolean;
  state?: string;
  jar?: CookieJar;
}

export interface LoginResult {
  /** The final redirect to the client's redirect_uri. */
  redirect: URL;
  verifier?: string;
  /** Every page HTML seen on the way (login, consent). */
  pages: string[];
}

/** Runs GET /oauth/authorize → login page → consent page → redirect_uri, like a browser would. */
export async function authorize(sb: Sandbox, options: LoginOptions = {}): Promise<LoginResult> {
  const jar = options.jar ?? new CookieJar();
  const pkce = options.pkce === false ? undefined : pkcePair();
  const params = new URLSearchParams({
    client_id: options.clientId ?? 'demo-spa',
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: options.scope ?? ALL_SCOPES,
    state: options.state ?? randomBytes(8).toString('hex'),
    ...(pkce ? { code_challenge: pkce.challenge, code_challenge_method: 'S256' } : {}),
  });
  const pages: string[] = [];
  let next = new URL(`/oauth/authorize?${params}`, sb.url);
  for (let hop = 0; hop < 12; hop += 1) {
    if (next.href.startsWith(REDIRECT_URI))
      return { redirect: next, pages, ...(pkce ? { verifier: pkce.verifier } : {}) };
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location') ?? '', next);
      continue;
    }
    const html = await res.text();
    pages.push(html);
    if (res.status !== 200 || !next.pathname.startsWith('/interaction/'))
      throw new Error(`unexpected ${res.status} at ${next.pathname}: ${html.slice(0, 300)}`);
    const isLogin = html.includes('name="password"');
    const action = isLogin ? 'login' : options.consent === 'deny' ? 'abort' : 'confirm';
    const form = isLogin
      ? new URLSearchParams({
          email: options.email ?? 'patient@example.com',
          password: options.password ?? 'sandbox',
        })
      : new URLSearchParams();
    const post = await fetch(new URL(`${next.pathname}/${action}`, next), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    jar.store(post);
    if (post.status === 200) {
      pages.push(await post.text());
      throw new LoginPageError(pages);
    }
    next = new URL(post.headers.get('location') ?? '', next);
  }
  throw new Error('too many redirects');
}

export class LoginPageError extends Error {
  override readonly name = 'LoginPageError';
  constructor(readonly pages: string[]) {
    super('the login form was shown again');
  }
}

/** Exchanges a code at the token endpoint (form body; public client unless a secret is given). */
export async function exchangeCode(
  sb: Sandbox,
  code: string,
  verifier: string | undefined,
  clientId = 'demo-spa',
  secret?: string,
): Promise<JsonResponse> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: clientId,
  });
  if (verifier) form.set('code_verifier', verifier);
  if (secret) form.set('client_secret', secret);
  return asJson(
    await fetch(`${sb.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    }),
  );
}

/** Logs in the demo patient (or another) and returns the token response. */
export async function patientTokens(
  sb: Sandbox,
  options: LoginOptions = {},
): Promise<{ access_token: string; refresh_token: string; [k: string]: unknown }> {
  const { redirect, verifier } = await authorize(sb, options);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect.href}`);
  const res = await exchangeCode(
    sb,
    code,
    verifier,
    options.clientId ?? 'demo-spa',
    options.clientId === 'demo-client' ? 'demo-secret' : undefined,
  );
  if (res.status !== 200) throw new Error(`token exchange: ${res.status} ${res.text}`);
  return res.body as { access_token: string; refresh_token: string };
}

/** YYYY-MM-DD of today + n days in Europe/Berlin. */
export function berlinDate(offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const ms = Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
