/**
 * The booking backend as a Cloudflare Workers module (workerd): `export default { fetch }`.
 * Configured by the Worker's variables and secrets, with the names `main.ts` reads from the
 * process environment (README.md): `PORTAL_URL`, `CLIENT_ID`, `CLIENT_SECRET` (a secret),
 * `ALLOWED_ORIGINS`, `REDIRECT_URIS`, `QUIET`, …; `PORT` and `WIDGET_DIR` mean nothing here.
 *
 * The widget's files are not served by this entry: Workers serve static files through their own
 * assets binding (`[assets] directory = "dist"`), which answers the file paths before the Worker
 * runs; everything else (`/config`, `/api/…`, `/oauth/…`) reaches `fetch` below. The headers that
 * `widget-files.ts` adds on Node must then come from the assets' `_headers` file: `embed.html`'s
 * `frame-ancestors`, `callback.html`'s `Referrer-Policy: no-referrer` and `frame-ancestors 'none'`,
 * `Access-Control-Allow-Origin: *` on scripts.
 *
 * Many practices: `TENANTS`, the JSON of a tenants file (`tenants.ts`), chosen by path prefix
 * (or by `Host`, for a Worker on several routes).
 *
 * Shared state: with a Durable Object namespace bound as `STATE` (class `StoreObject`, exported
 * here), rate-limit windows, booking budgets, spent proofs and the guest token are shared by every
 * isolate (`durable-store.ts`); without it they live in each isolate's memory. The API answers'
 * cache is each isolate's. A challenge must verify in any isolate, so `POW_HMAC_KEY` (a secret)
 * is required here.
 * Patients' refresh tokens live in their session cookies, sealed under `SESSION_KEY`: set it (a
 * secret), or each isolate makes its own key and a refresh that reaches another isolate fails.
 *
 * Nothing here or in what it imports may use a Node API; the workerd test bundles this file for a
 * neutral platform, so a `node:` import fails it.
 */
import { readBackendEnv, DEFAULTS } from './config.js';
import type { BackendEnvConfig } from './config.js';
import type { Env } from './env-values.js';
import { BACKEND_ERRORS, errorReply } from './errors.js';
import { toResponse } from './exchange.js';
import type { DurableObjectNamespaceLike } from './durable-store.js';
import { durableObjectStore } from './durable-store.js';
import type { Backend } from './handler.js';
import { createBackend } from './handler.js';
import type { Store } from './store.js';
import { scopedStore } from './store.js';
import { createTenantBackends } from './tenant-router.js';
import { readTenants } from './tenants.js';

export { StoreObject } from './durable-store.js';

/** A Worker's `env`: variables and secrets are strings; bindings (KV, …) are objects. */
export type WorkerEnv = Readonly<Record<string, unknown>>;

let backend: Pick<Backend, 'handle'> | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv, _ctx: unknown): Promise<Response> {
    try {
      backend ??= build(env);
    } catch (error) {
      // A set-up mistake, for the operator's log: it names the variable (never the secret's value).
      console.error(`backend: ${error instanceof Error ? error.message : String(error)}`);
      const { status, headers, body } = errorReply(
        500,
        BACKEND_ERRORS.internal,
        'The booking backend is not configured correctly.',
      );
      return toResponse({ status, headers: Object.entries(headers).flat(), body });
    }
    const clientIp = request.headers.get('CF-Connecting-IP') ?? undefined;
    return backend.handle(request, { clientIp });
  },
};

/** The backend for this isolate, built on its first request (a Worker's `env` arrives with it). */
function build(env: WorkerEnv): Pick<Backend, 'handle'> {
  const store = isNamespace(env.STATE) ? durableObjectStore(env.STATE) : undefined;
  if (typeof env.TENANTS === 'string') return tenants(env.TENANTS, strings(env), store);
  const config = readBackendEnv(strings(env));
  refuseDemoSecret(config);
  if (config.proof.hmacKey === undefined) {
    throw new Error('POW_HMAC_KEY is required on Workers (isolates share no memory): set a secret');
  }
  if (config.redirectUris.length > 0 && config.sessionKey === undefined) {
    console.error('backend: no SESSION_KEY; sign-ins last only as long as one isolate');
  }
  return createBackend(config, {
    log: config.quiet ? undefined : (line) => console.log(line),
    warn: (line) => console.error(line),
    ...(store ? { store: scopedStore(store, 'pb:default:') } : {}),
  });
}

function tenants(json: string, env: Env, store: Store | undefined): Pick<Backend, 'handle'> {
  if (env.POW_HMAC_KEY === undefined) throw new Error('POW_HMAC_KEY is required on Workers');
  const { tenants: list, problems } = readTenants(JSON.parse(json), env);
  for (const problem of problems) console.error(`backend: ${problem.message} (not served)`);
  const quiet = env.QUIET === '1';
  return createTenantBackends(list, problems, {
    log: quiet ? undefined : (line) => console.log(line),
    warn: (line) => console.error(line),
    ...(store ? { store } : {}),
  });
}

function isNamespace(value: unknown): value is DurableObjectNamespaceLike {
  return typeof value === 'object' && value !== null && 'idFromName' in value;
}

/** The string entries of `env` (its variables and secrets). */
function strings(env: WorkerEnv): Env {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') out[name] = value;
  return out;
}

/** As `main.ts`: the sandbox's demo secret only for a portal on loopback, or with `DEMO=1`. */
function refuseDemoSecret(config: BackendEnvConfig): void {
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(config.tokenUrl);
  if (config.clientSecret === DEFAULTS.clientSecret && !local && !config.demo) {
    throw new Error(
      'CLIENT_SECRET is the sandbox demo secret; set the secret the portal gave you (or DEMO=1 for a demo)',
    );
  }
}
