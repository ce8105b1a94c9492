/** Fixed-window rate limit per client_id (API and userinfo, not /oauth/token). */
import type { RuntimeSettings } from './config.js';

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  startedAt: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly settings: () => Pick<RuntimeSettings, 'rateLimit' | 'rateWindowMs'>,
  ) {}

  hit(clientId: string, now = Date.now()): RateDecision {
    const { rateLimit, rateWindowMs } = this.settings();
    let window = this.windows.get(clientId);
    if (!window || now - window.startedAt >= rateWindowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(clientId, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + rateWindowMs - now) / 1000));
    const allowed = window.count <= rateLimit;
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(rateLimit),
      'RateLimit-Remaining': String(Math.max(0, rateLimit - window.count)),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (!allowed) headers['Retry-After'] = String(resetSeconds);
    return { allowed, headers };
  }

  reset(): void {
    this.windows.clear();
  }
}
