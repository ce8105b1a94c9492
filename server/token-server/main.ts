/** `npm run token-server`: the token server on node:http, configured by env (see README.md). */
import type { TokenServerEnvConfig } from './config.js';
import { readTokenServerEnv } from './config.js';
import { startTokenServer } from './node-adapter.js';

function loadConfig(): TokenServerEnvConfig {
  try {
    return readTokenServerEnv(process.env);
  } catch (error) {
    console.error(`token-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const config = loadConfig();
if (!process.env.CLIENT_SECRET && !/^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(config.tokenUrl)) {
  console.warn('token-server: CLIENT_SECRET is not set; using the sandbox demo secret');
}
const log = config.quiet
  ? undefined
  : (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const server = await startTokenServer(config, { log });

console.log(`token-server listening on ${server.url} (portal token endpoint ${config.tokenUrl})`);
if (config.allowNoOrigin)
  console.log('token-server: ALLOW_NO_ORIGIN=1, requests without Origin are accepted');
if (config.redirectUris.length > 0)
  console.log(`token-server: POST /oauth/token for ${config.redirectUris.length} redirect URI(s)`);
if (config.proxy.enabled) {
  const { catalogueTtlSeconds: catalogue, availabilityTtlSeconds: slots } = config.proxy;
  console.log(
    `token-server: API proxy on /api/patient/v1 (cache ${catalogue} s, slots ${slots} s)`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
