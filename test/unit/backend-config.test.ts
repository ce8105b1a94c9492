import { expect } from '@open-wc/testing';
import { decodeBackendConfiguration } from '../../src/api/backend-config.js';
import { decodeLoginConfig } from '../../src/auth/login-config.js';

const LOGIN = {
  issuer: 'https://portal.example',
  authorizationEndpoint: 'https://portal.example/oauth/authorize',
  clientId: 'clinic',
  redirectUris: ['https://clinic.example/pb/callback.html'],
};

describe("the backend's configuration", () => {
  it('reads the login and the practice', () => {
    const config = decodeBackendConfiguration({
      login: LOGIN,
      practice: { phone: '030 1234567', privacyUrl: 'https://clinic.example/privacy' },
    });
    expect(decodeLoginConfig(config.login!)).to.deep.equal(LOGIN);
    expect(config.practice).to.deep.equal({
      phone: '030 1234567',
      privacyUrl: 'https://clinic.example/privacy',
    });
  });

  it('offers no login when a part of it is missing, and drops what is not a phone or a URL', () => {
    const config = decodeBackendConfiguration({
      login: { ...LOGIN, redirectUris: [] },
      practice: { phone: '<a href=x>call</a>', privacyUrl: 'javascript:alert(1)' },
    });
    expect(decodeLoginConfig(config.login!)).to.equal(null);
    expect(config.practice).to.deep.equal({});
    expect(decodeBackendConfiguration({}).login).to.equal(null);
    expect(decodeBackendConfiguration({ login: 'x' }).login).to.equal(null);
  });

  it('refuses an answer that is not an object', () => {
    expect(() => decodeBackendConfiguration('nope')).to.throw('config');
    expect(() => decodeBackendConfiguration([])).to.throw('config');
  });
});
