/**
 * One deployment, many practices: picks the tenant's backend by the request's `Host`, else by
 * the first segment of its path (taken off before the tenant's handler sees it). Each tenant has
 * its own handler (portal, client, origins, caches) and its own keys in the shared store; a
 * tenant whose configuration is wrong answers 503 and leaves the others alone.
 */
import type { RequestContext } from './client-ip.js';
import { BACKEND_ERRORS as E, errorReply } from './errors.js';
import type { Awaitable, FinalReply, PlainRequest, Reply } from './exchange.js';
import { fromRequest, toResponse } from './exchange.js';
import type { Backend, BackendDeps, BackendStats } from './handler.js';
import { createBackend } from './handler.js';
import { HEALTH_PATH, healthReply } from './health.js';
import { scopedStore } from './store.js';
import type { Tenant, TenantProblem } from './tenants.js';

export interface TenantBackends {
  handle(request: Request, context?: RequestContext): Promise<Response>;
  respond(request: PlainRequest, context?: RequestContext): Awaitable<FinalReply>;
  /** Each tenant's counters, by id. */
  stats(): Record<string, BackendStats>;
}

type Target = { backend: Backend } | { broken: string };

export function createTenantBackends(
  tenants: readonly Tenant[],
  problems: readonly TenantProblem[],
  deps: BackendDeps,
): TenantBackends {
  const byHost = new Map<string, Target>();
  const byPath = new Map<string, Target>();
  const backends = new Map<string, Backend>();
  const route = (target: Target, hosts: readonly string[], path: string | undefined) => {
    for (const host of hosts) byHost.set(host, target);
    if (path !== undefined) byPath.set(path, target);
  };
  for (const { id, hosts, path } of problems) route({ broken: id }, hosts, path);
  for (const tenant of tenants) {
    const backend = createBackend(tenant.config, tenantDeps(tenant.id, deps));
    backends.set(tenant.id, backend);
    route({ backend }, tenant.hosts, tenant.path);
  }

  function respond(request: PlainRequest, context: RequestContext = {}): Awaitable<FinalReply> {
    if (request.path === HEALTH_PATH) return healthReply(deps.store?.status() ?? 'memory');
    const host = request.headers.get('Host')?.toLowerCase().replace(/:\d+$/, '');
    let target = host === undefined ? undefined : byHost.get(host);
    let inner = request;
    if (!target) {
      const segment = /^\/[^/]+/.exec(request.path)?.[0] ?? '';
      target = byPath.get(segment);
      if (target) inner = withPath(request, request.path.slice(segment.length) || '/');
    }
    if (!target) return final(errorReply(404, E.notFound, 'There is no practice here.'));
    if ('broken' in target) {
      return final(errorReply(503, E.notConfigured, 'Online booking is not available here.'));
    }
    return target.backend.respond(inner, context);
  }

  return {
    handle: async (request, context) => toResponse(await respond(fromRequest(request), context)),
    respond,
    stats: () => Object.fromEntries([...backends].map(([id, b]) => [id, b.stats()])),
  };
}

/** The tenant's own keys in the store, and its id on each of its log lines. */
function tenantDeps(id: string, deps: BackendDeps): BackendDeps {
  const { log, warn, store } = deps;
  return {
    ...deps,
    ...(store ? { store: scopedStore(store, `pb:${id}:`) } : {}),
    ...(log ? { log: (line: string) => log(`${id} ${line}`) } : {}),
    ...(warn ? { warn: (line: string) => warn(`${id} ${line}`) } : {}),
  };
}

function withPath(request: PlainRequest, path: string): PlainRequest {
  return {
    method: request.method,
    path,
    search: request.search,
    headers: request.headers,
    readBody: (limit) => request.readBody(limit),
  };
}

function final({ status, headers, body }: Reply): FinalReply {
  return { status, headers: Object.entries(headers).flat(), body };
}
