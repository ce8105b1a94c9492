import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULTS, readBackendEnv } from '../../server/backend/config.js';

describe('token server configuration (env)', () => {
  it('has sandbox defaults', () => {
    assert.deepEqual(readBackendEnv({}), {
      port: 4020,
      portalUrl: 'http://localhost:4010',
      tokenUrl: 'http://localhost:4010/oauth/token',
      revocationUrl: 'http://localhost:4010/oauth/revoke',
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      allowedOrigins: [],
      allowNoOrigin: false,
      redirectUris: [],
      cache: { catalogueTtlSeconds: 300, availabilityTtlSeconds: 5 },
      rateLimit: { limit: 60, proxyLimit: 600, upstreamLimit: 60, windowSeconds: 60 },
      trustProxy: [],
      practice: {},
      proof: { maxNumber: 100_000, expiresSeconds: 600 },
      bookingLimits: { perIp: 5, perEmail: 3, perSlot: 3 },
      widgetDir: DEFAULTS.widgetDir,
      quiet: false,
      demo: false,
    });
  });

  it('reads every variable', () => {
    const config = readBackendEnv({
      PORT: '8080',
      PORTAL_URL: 'https://portal.example/tenant/',
      CLIENT_ID: 'id',
      CLIENT_SECRET: 'secret',
      ALLOWED_ORIGINS: ' https://clinic.example , https://WWW.Clinic.example:8443/ ',
      ALLOW_NO_ORIGIN: '1',
      QUIET: '1',
      REDIRECT_URIS: 'https://clinic.example/pb/callback.html, http://localhost:5173/cb.html?x=1',
      CATALOGUE_TTL: '600',
      AVAILABILITY_TTL: '30',
      RATE_LIMIT: '10',
      API_RATE_LIMIT: '0',
      PRACTICE_PHONE: '030 1234567',
      PRIVACY_URL: 'https://clinic.example/datenschutz',
      RATE_WINDOW_SECONDS: '5',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      SESSION_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    });
    assert.equal(config.sessionKey, 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=');
    assert.equal(config.revocationUrl, 'https://portal.example/tenant/oauth/revoke');
    assert.deepEqual(config.redirectUris, [
      'https://clinic.example/pb/callback.html',
      'http://localhost:5173/cb.html?x=1',
    ]);
    assert.deepEqual(config.cache, { catalogueTtlSeconds: 600, availabilityTtlSeconds: 30 });
    assert.deepEqual(config.practice, {
      phone: '030 1234567',
      privacyUrl: 'https://clinic.example/datenschutz',
    });
    assert.deepEqual(config.rateLimit, {
      limit: 10,
      proxyLimit: 0,
      upstreamLimit: 60,
      windowSeconds: 5,
    });
    assert.deepEqual(config.trustProxy, ['10.0.0.0/8', '127.0.0.1']);
    assert.equal(config.port, 8080);
    assert.equal(config.tokenUrl, 'https://portal.example/tenant/oauth/token');
    assert.deepEqual(config.allowedOrigins, [
      'https://clinic.example',
      'https://www.clinic.example:8443',
    ]);
    assert.equal(config.allowNoOrigin, true);
    assert.equal(config.quiet, true);
    const override = readBackendEnv({ PORTAL_TOKEN_URL: 'https://auth.example/token' });
    assert.equal(override.tokenUrl, 'https://auth.example/token');
    const revoke = readBackendEnv({ PORTAL_REVOKE_URL: 'https://auth.example/revoke' });
    assert.equal(revoke.revocationUrl, 'https://auth.example/revoke');
  });

  it('rejects wildcard, paths and non-http origins, bad ports and URLs with a named variable', () => {
    for (const ALLOWED_ORIGINS of ['*', 'https://clinic.example/pb', 'clinic.example', 'ftp://x']) {
      assert.throws(() => readBackendEnv({ ALLOWED_ORIGINS }), /^Error: ALLOWED_ORIGINS/);
    }
    assert.throws(() => readBackendEnv({ PORT: '70000' }), /^Error: PORT/);
    assert.throws(() => readBackendEnv({ PORTAL_URL: 'portal' }), /^Error: PORTAL_URL/);
  });

  it('rejects bad redirect URIs, TTLs, limits and hop counts with a named variable', () => {
    for (const REDIRECT_URIS of ['/callback.html', 'https://c.example/cb#x', 'app://cb']) {
      assert.throws(() => readBackendEnv({ REDIRECT_URIS }), /^Error: REDIRECT_URIS/);
    }
    const bad: Record<string, string[]> = {
      AVAILABILITY_TTL: ['31', '-1', '2.5'],
      CATALOGUE_TTL: ['soon', '-5'],
      RATE_LIMIT: ['-1', 'many'],
      API_RATE_LIMIT: ['1e3'],
      RATE_WINDOW_SECONDS: ['0'],
      TRUST_PROXY: ['yes', '10.0.0.0/40'],
      SESSION_KEY: ['secret', 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg', 'ä'.repeat(43)],
      PORTAL_REVOKE_URL: ['revoke'],
    };
    for (const [name, values] of Object.entries(bad)) {
      for (const raw of values) {
        assert.throws(() => readBackendEnv({ [name]: raw }), new RegExp(`^Error: ${name}:`));
      }
    }
  });
});
