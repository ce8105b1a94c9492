// One backend instance of the scale bench, in a process of its own (so that it can be killed):
// the tenants of TENANTS_FILE, state on REDIS_URL, no widget files, no per-request log. Prints
// `ready <url>` once it listens.
import { startServer } from '../server/backend/node-adapter.js';
import { redisStore } from '../server/backend/redis-store.js';
import { tenantBackends } from '../server/backend/tenants-node.js';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const warn = (line: string) => console.error(line);
const store = redisStore({ url: process.env.REDIS_URL ?? '', now: Date.now, warn });
await store.ready(5000);
const backends = tenantBackends(process.env.TENANTS_FILE ?? '', { store, warn }, fail);
const server = await startServer(backends, { port: 0, trustProxy: ['127.0.0.1'] });
console.log(`ready ${server.url}`);
