import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULTS, readTokenServerEnv } from '../../server/token-server/config.js';

describe('token server configuration (env)', () => {
  it('has sandbox defaults', () => {
    assert.deepEqual(readTokenServerEnv({}), {
      port: 4020,
      portalUrl: 'http://localhost:4010',
      tokenUrl: 'http://localhost:4010/oauth/token',
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      allowedOrigins: [...DEFAULTS.allowedOrigins],
      allowNoOrigin: false,
      quiet: false,
    });
  });

  it('reads every variable', () => {
    const config = readTokenServerEnv({
      PORT: '8080',
      PORTAL_URL: 'https://portal.example/tenant/',
      CLIENT_ID: 'id',
      CLIENT_SECRET: 'secret',
      ALLOWED_ORIGINS: ' https://clinic.example , https://WWW.Clinic.example:8443/ ',
      ALLOW_NO_ORIGIN: '1',
      QUIET: '1',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.tokenUrl, 'https://portal.example/tenant/oauth/token');
    assert.deepEqual(config.allowedOrigins, [
      'https://clinic.example',
      'https://www.clinic.example:8443',
    ]);
    assert.equal(config.allowNoOrigin, true);
    assert.equal(config.quiet, true);
    const override = readTokenServerEnv({ PORTAL_TOKEN_URL: 'https://auth.example/token' });
    assert.equal(override.tokenUrl, 'https://auth.example/token');
  });

  it('rejects wildcard, paths and non-http origins, bad ports and URLs with a named variable', () => {
    for (const ALLOWED_ORIGINS of ['*', 'https://clinic.example/pb', 'clinic.example', 'ftp://x']) {
      assert.throws(() => readTokenServerEnv({ ALLOWED_ORIGINS }), /^Error: ALLOWED_ORIGINS/);
    }
    assert.throws(() => readTokenServerEnv({ PORT: '70000' }), /^Error: PORT/);
    assert.throws(() => readTokenServerEnv({ PORTAL_URL: 'portal' }), /^Error: PORTAL_URL/);
  });
});
