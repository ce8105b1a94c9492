/** In-memory storage for oidc-provider, per sandbox instance, with "revoke every token". */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Stored {
  payload: AdapterPayload;
  expiresAt: number;
}

const TOKEN_MODELS = new Set([
  'AccessToken',
  'ClientCredentials',
  'RefreshToken',
  'AuthorizationCode',
  'Grant',
]);

export class MemoryStore {
  private readonly models = new Map<string, Map<string, Stored>>();

  model(name: string): Map<string, Stored> {
    let map = this.models.get(name);
    if (!map) {
      map = new Map();
      this.models.set(name, map);
    }
    return map;
  }

  /** Forgets every token and grant (sessions stay): refresh tokens are refused afterwards. */
  revokeAll(): number {
    let count = 0;
    for (const name of TOKEN_MODELS) {
      const map = this.models.get(name);
      if (!map) continue;
      if (name === 'AccessToken' || name === 'ClientCredentials' || name === 'RefreshToken')
        count += map.size;
      map.clear();
    }
    return count;
  }

  revokeGrant(grantId: string): void {
    for (const name of TOKEN_MODELS) {
      const map = this.models.get(name);
      if (!map) continue;
      for (const [id, stored] of map) {
        if (stored.payload.grantId === grantId || (name === 'Grant' && id === grantId))
          map.delete(id);
      }
    }
  }

  adapterFor(name: string): Adapter {
    const map = this.model(name);
    const live = (id: string): Stored | undefined => {
      const stored = map.get(id);
      if (stored && stored.expiresAt <= Date.now()) {
        map.delete(id);
        return undefined;
      }
      return stored;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        const expiresAt =
          typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        map.set(id, { payload: { ...payload }, expiresAt });
      },
      find: async (id) => live(id)?.payload,
      findByUid: async (uid) => {
        for (const [id, stored] of map) if (stored.payload.uid === uid) return live(id)?.payload;
        return undefined;
      },
      findByUserCode: async (userCode) => {
        for (const [id, stored] of map)
          if (stored.payload.userCode === userCode) return live(id)?.payload;
        return undefined;
      },
      consume: async (id) => {
        const stored = map.get(id);
        if (stored) stored.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        map.delete(id);
      },
      revokeByGrantId: async (grantId) => {
        this.revokeGrant(grantId);
      },
    };
  }
}
