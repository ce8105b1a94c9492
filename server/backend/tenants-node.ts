/** `TENANTS_FILE` on Node: reads the file, reports each broken tenant, builds the router. */
import { readFileSync } from 'node:fs';
import type { BackendDeps } from './handler.js';
import type { TenantBackends } from './tenant-router.js';
import { createTenantBackends } from './tenant-router.js';
import { readTenants } from './tenants.js';

export function tenantBackends(
  file: string,
  deps: BackendDeps,
  fail: (message: string) => never,
): TenantBackends {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`TENANTS_FILE: "${file}" is not readable JSON (${(error as Error).name})`);
  }
  let read: ReturnType<typeof readTenants>;
  try {
    read = readTenants(json, process.env);
  } catch (error) {
    fail((error as Error).message);
  }
  const { tenants, problems } = read;
  for (const problem of problems) console.error(`backend: ${problem.message} (not served)`);
  if (tenants.length === 0) fail('TENANTS_FILE: no tenant is configured correctly');
  console.log(`backend: ${tenants.length} tenant(s): ${tenants.map((t) => t.id).join(', ')}`);
  return createTenantBackends(tenants, problems, deps);
}
