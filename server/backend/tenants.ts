/**
 * Many practices in one deployment: `TENANTS_FILE`, a JSON file
 * `{"tenants": [{"id", "hosts": [...], "path": "/praxis-a", "env": {...}}]}`. Each tenant's `env`
 * holds the practice's own variables with the names of docs/deploy.md (`PORTAL_URL`, `CLIENT_ID`,
 * `CLIENT_SECRET` or `CLIENT_SECRET_ENV`: the name of a process variable that holds it,
 * `ALLOWED_ORIGINS`, `REDIRECT_URIS`, `PRACTICE_PHONE`, `PRIVACY_URL`, budgets and lifetimes);
 * the rest (`POW_HMAC_KEY`, `SESSION_KEY`, `TRUST_PROXY`, …) comes from the process. A request
 * is the tenant's whose `hosts` has its `Host`, else whose `path` starts its path. A tenant with
 * a mistake is a problem naming it and the field; the others are served.
 */
import type { BackendEnvConfig } from './config.js';
import { DEFAULTS, readBackendEnv } from './config.js';
import type { Env } from './env-values.js';

export interface Tenant {
  id: string;
  /** Lower-case host names without a port. */
  hosts: readonly string[];
  /** `/praxis-a`: requests under it are this tenant's, with the prefix taken off. */
  path: string | undefined;
  config: BackendEnvConfig;
}

/** A tenant that could not be read; its hosts and path answer 503. */
export interface TenantProblem {
  id: string;
  hosts: readonly string[];
  path: string | undefined;
  /** `tenant "praxis-a": PORTAL_URL: …` (never a secret's value). */
  message: string;
}

/** Only the tenant's own file may set these: a practice never inherits another's. */
const PRACTICE_VARIABLES = [
  'PORTAL_URL',
  'PORTAL_TOKEN_URL',
  'PORTAL_REVOKE_URL',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'REDIRECT_URIS',
  'ALLOWED_ORIGINS',
  'PRACTICE_PHONE',
  'PRIVACY_URL',
];
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const HOST = /^[a-z0-9.-]{1,253}$/;

export function readTenants(
  json: unknown,
  processEnv: Env,
): { tenants: Tenant[]; problems: TenantProblem[] } {
  const list = (json as { tenants?: unknown } | null)?.tenants;
  if (!Array.isArray(list)) throw new Error('TENANTS_FILE: expected {"tenants": [ … ]}');
  const shared = Object.fromEntries(
    Object.entries(processEnv).filter(([name]) => !PRACTICE_VARIABLES.includes(name)),
  );
  const tenants: Tenant[] = [];
  const problems: TenantProblem[] = [];
  const taken = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const raw = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    const id = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : `#${index + 1}`;
    const hosts = Array.isArray(raw.hosts) ? raw.hosts.map((h) => String(h).toLowerCase()) : [];
    const path = typeof raw.path === 'string' ? raw.path.replace(/\/+$/, '') : undefined;
    const routes = [...hosts.map((h) => `host ${h}`), ...(path ? [`path ${path}`] : [])];
    const fail = (message: string) =>
      problems.push({ id, hosts, path, message: `tenant "${id}": ${message}` });
    const clash = [`id ${id}`, ...routes].find((route) => taken.has(route));
    [`id ${id}`, ...routes].forEach((route) => taken.add(route));
    if (id.startsWith('#')) return fail('id: use 1-40 of a-z, 0-9 and -');
    if (routes.length === 0) return fail('hosts, path: give at least one');
    if (clash) return fail(`${clash.split(' ')[0]}: ${clash} is another tenant's`);
    const bad = hosts.find((h) => !HOST.test(h));
    if (bad !== undefined) return fail(`hosts: "${bad}" is not a host name`);
    if (path !== undefined && !/^\/[a-z0-9-]{1,40}$/.test(path)) {
      return fail('path: one segment like /praxis-a');
    }
    try {
      tenants.push({ id, hosts, path, config: tenantConfig(raw.env, shared, processEnv) });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  });
  return { tenants, problems };
}

function tenantConfig(raw: unknown, shared: Env, processEnv: Env): BackendEnvConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error('env: expected an object');
  const own: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${name}: expected a string`);
    }
    own[name] = String(value);
  }
  const secretName = own.CLIENT_SECRET_ENV;
  if (secretName !== undefined) {
    const secret = processEnv[secretName];
    if (!secret) throw new Error(`CLIENT_SECRET_ENV: the variable ${secretName} is not set`);
    own.CLIENT_SECRET = secret;
  }
  for (const name of ['PORTAL_URL', 'CLIENT_ID', 'CLIENT_SECRET']) {
    if (!own[name]) throw new Error(`${name}: required for each tenant`);
  }
  const config = readBackendEnv({ ...shared, ...own });
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(config.tokenUrl);
  if (config.clientSecret === DEFAULTS.clientSecret && !local && !config.demo) {
    throw new Error('CLIENT_SECRET: the sandbox demo secret, for a portal that is not local');
  }
  return config;
}
