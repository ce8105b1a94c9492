/**
 * Idempotency-Key support: per client and patient, the same key with the same request within
 * 24 h replays the first response; another request under the key is 422 idempotency_key_reused;
 * a concurrent duplicate waits for the first; 5xx responses are not kept.
 */
import { ApiError, type ApiResponse } from './envelopes.js';

const TTL_MS = 24 * 60 * 60 * 1000;

interface Entry {
  fingerprint: string;
  createdAt: number;
  pending: Promise<ApiResponse>;
  response?: ApiResponse;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async run(
    scope: string,
    key: string,
    fingerprint: string,
    execute: () => Promise<ApiResponse>,
  ): Promise<ApiResponse> {
    const id = `${scope}\u0000${key}`;
    const now = Date.now();
    if (this.entries.size > 5_000) this.sweep(now);
    const existing = this.entries.get(id);
    if (existing && now - existing.createdAt < TTL_MS) {
      if (existing.fingerprint !== fingerprint) throw reused();
      const response = existing.response ?? (await existing.pending);
      // The first attempt failed with a server error and was forgotten: act now.
      if (this.entries.get(id) === existing) {
        return { ...response, headers: { ...response.headers, 'Idempotent-Replayed': 'true' } };
      }
      return this.run(scope, key, fingerprint, execute);
    }

    const entry: Entry = {
      fingerprint,
      createdAt: now,
      pending: Promise.resolve({ status: 500, body: null }),
    };
    entry.pending = (async () => {
      try {
        const response = await execute();
        if (response.status >= 500) this.entries.delete(id);
        else entry.response = response;
        return response;
      } catch (err) {
        this.entries.delete(id);
        throw err;
      }
    })();
    this.entries.set(id, entry);
    return entry.pending;
  }

  reset(): void {
    this.entries.clear();
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.response && now - entry.createdAt >= TTL_MS) this.entries.delete(id);
    }
  }
}

function reused(): ApiError {
  return new ApiError(
    422,
    'This Idempotency-Key was already used for a different request',
    'idempotency_key_reused',
    [{ field: 'Idempotency-Key', message: 'was already used for a different request' }],
  );
}
