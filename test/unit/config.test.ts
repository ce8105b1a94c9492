import { expect } from '@open-wc/testing';
import { readConfig } from '../../src/config.js';

const PAGE = 'http://clinic.test/booking.html';
const attributes = {
  portalUrl: 'https://portal.test',
  tokenUrl: 'https://clinic.test/pb/token',
  clientId: 'web',
  redirectUrl: '/callback.html',
};

describe('config: sign-in needs a secure page', () => {
  it('on a secure page, sign-in is on', () => {
    const result = readConfig(attributes, PAGE, true);
    expect(result.ok && result.config.clientId).to.equal('web');
  });

  it('on plain http with a token server, guests book and sign-in is off', () => {
    const result = readConfig(attributes, PAGE, false);
    expect(result.ok).to.equal(true);
    expect(result.ok && result.config.clientId).to.equal(null);
    expect(result.ok && result.config.tokenUrl).to.equal('https://clinic.test/pb/token');
  });

  it('on plain http with sign-in only, it is a config error', () => {
    const result = readConfig({ ...attributes, tokenUrl: null }, PAGE, false);
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.error.code).to.equal('config');
  });
});
