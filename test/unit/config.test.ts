import { expect } from '@open-wc/testing';
import { readConfig } from '../../src/element/config.js';

const PAGE = 'https://clinic.test/booking.html';
const OWN = 'https://clinic.test/pb/';

function read(attributes: Parameters<typeof readConfig>[0]) {
  const lines: string[] = [];
  const settings: string[] = [];
  const config = readConfig(attributes, PAGE, OWN, (setting, kind, value) => {
    settings.push(setting);
    lines.push(`${setting}="${value}" ${kind}`);
  });
  return { config, lines, settings };
}

describe('config: one backend, from the script or the backend attribute', () => {
  it("defaults to the script's own directory", () => {
    const { config, lines } = read({});
    expect(config.backend).to.equal(OWN);
    expect(config.apiUrl).to.equal('https://clinic.test/pb/api/patient/v1');
    expect(lines).to.deep.equal([]);
  });

  it('takes a backend attribute, relative to the page, as a directory', () => {
    expect(read({ backend: 'https://book.example/pb' }).config.backend).to.equal(
      'https://book.example/pb/',
    );
    expect(read({ backend: '/other/' }).config.apiUrl).to.equal(
      'https://clinic.test/other/api/patient/v1',
    );
  });

  it('names a malformed backend in one line and goes on with its own directory', () => {
    const { config, lines, settings } = read({ backend: 'javascript:alert(1)' });
    expect(config.backend).to.equal(OWN);
    expect(settings).to.deep.equal(['backend']);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.contain('backend="javascript:alert(1)"');
  });

  it('names a malformed preselected id and leaves that step to the patient', () => {
    const { config, lines, settings } = read({ insuranceId: '136', typeId: '../x' });
    expect(config.preset).to.deep.equal({ insuranceId: '136' });
    expect(settings).to.deep.equal(['appointment-type-id']);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.contain('appointment-type-id="../x"');
  });
});
