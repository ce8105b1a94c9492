/** `npm run backend`: the booking backend on node:http, configured by env (see README.md). */
import { resolve } from 'node:path';
import type { BackendEnvConfig } from './config.js';
import { DEFAULTS, readBackendEnv } from './config.js';
import { startBackend, startServer } from './node-adapter.js';
import { redisStore } from './redis-store.js';
import { scopedStore } from './store.js';
import { tenantBackends } from './tenants-node.js';
import type { WidgetFiles } from './widget-files.js';
import { readWidgetFiles } from './widget-files-node.js';

function fail(message: string): never {
  console.error(`backend: ${message}`);
  process.exit(1);
}

function loadConfig(): BackendEnvConfig {
  try {
    return readBackendEnv(process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

const config = loadConfig();
const tenantsFile = process.env.TENANTS_FILE;
const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(config.tokenUrl);
if (!tenantsFile && config.clientSecret === DEFAULTS.clientSecret && !local && !config.demo) {
  fail(
    'CLIENT_SECRET is the sandbox demo secret; set the secret the portal gave you (or DEMO=1 for a demo)',
  );
}

let files: WidgetFiles;
try {
  files = readWidgetFiles(resolve(config.widgetDir));
} catch {
  fail(`WIDGET_DIR: "${config.widgetDir}" has no built widget; run npm run build first`);
}
if (!files.has('/patient-booking.js')) {
  fail(`WIDGET_DIR: "${config.widgetDir}" has no patient-booking.js; run npm run build first`);
}

const log = config.quiet
  ? undefined
  : (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const warn = (line: string) => console.error(line);
const redisUrl = process.env.REDIS_URL;
const store = redisUrl ? redisStore({ url: redisUrl, now: Date.now, warn }) : undefined;
if (store && !(await store.ready(3000))) warn('backend: REDIS_URL does not answer yet');
if (store && config.proof.hmacKey === undefined) {
  warn('backend: REDIS_URL without POW_HMAC_KEY: give every instance the same POW_HMAC_KEY');
}
const deps = { log, files, warn, ...(store ? { store } : {}) };

// One practice keeps its keys under `pb:default:`; tenants each under `pb:<id>:`.
const server = tenantsFile
  ? await startServer(tenantBackends(tenantsFile, deps, fail), config)
  : await startBackend(config, {
      ...deps,
      ...(store ? { store: scopedStore(store, 'pb:default:') } : {}),
    });

console.log(
  `backend listening on ${server.url}/ (${tenantsFile ? 'tenants' : `portal ${config.portalUrl}`})`,
);
console.log(`backend: the widget is ${server.url}/patient-booking.js (${files.size} files)`);
if (config.allowNoOrigin)
  console.log('backend: ALLOW_NO_ORIGIN=1, POSTs without Origin are accepted');
if (!tenantsFile) {
  console.log(
    config.redirectUris.length > 0
      ? `backend: patient login for ${config.redirectUris.length} callback page(s)`
      : 'backend: no REDIRECT_URIS, so no patient login (guests book)',
  );
}
if ((tenantsFile || config.redirectUris.length > 0) && config.sessionKey === undefined) {
  console.log('backend: no SESSION_KEY, so sign-ins end when the backend restarts');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
