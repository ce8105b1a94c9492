/**
 * startSandbox(): the sandbox patient portal, in-process (tests, scripts) or from main.ts.
 *
 *   const sandbox = await startSandbox({ port: 0, quiet: true, env: {} });
 *   sandbox.url            // http://localhost:PORT (also reachable as http://127.0.0.1:PORT)
 *   await sandbox.close();
 *
 * Settings: explicit options win over the SANDBOX_* variables of `options.env` (default process.env).
 */
import type { RequestListener, Server } from 'node:http';
import type { ApiDeps } from './api/context.js';
import { createAvailabilityCodec } from './availability-ids.js';
import { configFromEnv, type RuntimeSettings, type SandboxConfig } from './config.js';
import type { ControlDeps } from './control.js';
import { createOriginCheck } from './cors.js';
import { FaultQueue } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { closeServer, listenLoopback } from './listen.js';
import { logError } from './logger.js';
import type { Patient } from './model.js';
import { createProvider } from './oidc.js';
import { MemoryStore } from './oidc-adapter.js';
import { seedNumber } from './prng.js';
import { RateLimiter } from './rate-limit.js';
import { createPipeline } from './server.js';
import { SandboxState } from './state.js';

export type { SandboxConfig, RuntimeSettings } from './config.js';
export type { SandboxState } from './state.js';

export interface SandboxOptions extends Partial<SandboxConfig> {
  /** Where SANDBOX_* settings are read from; default process.env. Pass {} for a clean, env-free sandbox. */
  env?: Record<string, string | undefined>;
  /** Request log sink (default console.log); errors always go to console.error. */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** http://localhost:PORT (or SANDBOX_ISSUER when set); http://127.0.0.1:PORT works too. */
  url: string;
  port: number;
  issuer: string;
  /** Live settings (POST /__sandbox/config changes them). */
  config: SandboxConfig;
  /** The data: patients, appointments, bookings. */
  state: SandboxState;
  /** The demo patient (patient@example.com) and the other one (other@example.com). */
  patients: { demo: Patient; other: Patient };
  /** Same as POST /__sandbox/reset. */
  reset(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { env, log: logOption, ...overrides } = options;
  const config: SandboxConfig = { ...configFromEnv(env ?? process.env), ...overrides };
  const initial: RuntimeSettings = {
    rateLimit: config.rateLimit,
    rateWindowMs: config.rateWindowMs,
    latencyMs: config.latencyMs,
    tokenTtl: config.tokenTtl,
  };
  const log = logOption ?? ((line: string) => console.log(`[sandbox] ${line}`));
  const onError = (where: string, err: unknown): void =>
    logError((line) => console.error(`[sandbox] ${line}`), where, err);

  // The issuer needs the port, the pipeline needs the issuer: answer 503 until it is ready.
  const ready: { pipeline?: RequestListener } = {};
  const { port, servers } = await listenLoopback((req, res) => {
    if (ready.pipeline) return ready.pipeline(req, res);
    res.statusCode = 503;
    res.end();
  }, config.port);
  const issuer = config.issuer ?? `http://localhost:${port}`;

  const state = new SandboxState(config.seed);
  const store = new MemoryStore();
  const faults = new FaultQueue();
  const limiter = new RateLimiter(() => config);
  const idempotency = new IdempotencyStore();
  const isAllowedOrigin = createOriginCheck(config.corsOrigins);
  let provider;
  try {
    provider = await createProvider({ issuer, config, state, store, isAllowedOrigin, onError });
  } catch (err) {
    await Promise.all(servers.map(closeServer));
    throw err;
  }

  const reset = (): void => {
    state.reset();
    faults.clear();
    limiter.reset();
    idempotency.reset();
    Object.assign(config, initial);
  };
  const control: ControlDeps = {
    state,
    config,
    faults,
    store,
    reset,
    applySettings: (update) => {
      Object.assign(config, update);
      limiter.reset();
    },
  };
  const api: ApiDeps = {
    provider,
    state,
    config,
    limiter,
    idempotency,
    issuer,
    onError,
    codec: createAvailabilityCodec(config.seed),
    seedNumber: seedNumber(config.seed),
  };
  ready.pipeline = createPipeline({
    issuer,
    config,
    provider,
    state,
    faults,
    limiter,
    api,
    control,
    isAllowedOrigin,
    log,
    onError,
  });

  return {
    url: config.issuer ?? `http://localhost:${port}`,
    port,
    issuer,
    config,
    state,
    get patients() {
      const [demo, other] = state.patients;
      return { demo, other };
    },
    reset,
    close: async () => {
      await Promise.all(servers.map((server: Server) => closeServer(server)));
    },
  };
}
