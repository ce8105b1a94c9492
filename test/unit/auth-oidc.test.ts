import { expect } from '@open-wc/testing';
import { loginFailure } from '../../src/auth/oidc-errors.js';
import { LOGIN_SCOPE, userManagerSettings } from '../../src/auth/oidc-login.js';
import { notifyOpener } from '../../src/auth/popup-callback.js';
import { LOGIN_WINDOW_NAME, openLoginWindow, popupFeatures } from '../../src/auth/popup.js';
import { loginSettings } from '../../src/auth/login-settings.js';
import type { LoginConfig } from '../../src/auth/login-config.js';

/** An oidc-client-ts ErrorResponse look-alike. */
function oauth(error: string): Error {
  return Object.assign(new Error(error), { name: 'ErrorResponse', error });
}

const BACKEND = 'https://clinic.example/pb/';
const login: LoginConfig = {
  issuer: 'https://portal.example',
  authorizationEndpoint: 'https://portal.example/oauth/authorize',
  clientId: 'clinic-client',
  redirectUris: ['https://clinic.example/pb/callback.html'],
};
const PAGE = 'https://clinic.example';

function settingsOf(a: ReturnType<typeof loginSettings>) {
  if (!a.ok) throw new Error(a.why);
  return a.settings;
}

describe('login settings', () => {
  it('sends the exchanges and the userinfo to the backend, the popup to the portal', () => {
    const s = settingsOf(loginSettings(login, BACKEND, PAGE, true));
    expect(s.tokenEndpoint).to.equal('https://clinic.example/pb/oauth/token');
    expect(s.logoutEndpoint).to.equal('https://clinic.example/pb/oauth/logout');
    expect(s.userinfoEndpoint).to.equal('https://clinic.example/pb/oauth/userinfo');
    expect(s.redirectUrl).to.equal('https://clinic.example/pb/callback.html');
    const manager = userManagerSettings(s);
    // The whole metadata is given: oidc-client-ts asks the portal for no discovery document.
    expect(manager.metadata).to.deep.equal({
      issuer: 'https://portal.example',
      authorization_endpoint: 'https://portal.example/oauth/authorize',
      token_endpoint: 'https://clinic.example/pb/oauth/token',
      userinfo_endpoint: 'https://clinic.example/pb/oauth/userinfo',
    });
    expect(manager.authority).to.equal('https://portal.example');
    expect(manager.scope).to.equal('basic profile_read appointment_read appointment_write');
    expect(manager.scope).to.equal(LOGIN_SCOPE);
    expect(manager.popupWindowTarget).to.equal(LOGIN_WINDOW_NAME);
    expect(manager.automaticSilentRenew).to.equal(false);
    // The code exchange's answer sets the backend's session cookie (same origin only).
    expect(manager.fetchRequestCredentials).to.equal('same-origin');
  });

  it('keeps users and PKCE state in memory, never in the page storage', async () => {
    const manager = userManagerSettings(settingsOf(loginSettings(login, BACKEND, PAGE, true)));
    const before = [localStorage.length, sessionStorage.length];
    await manager.stateStore!.set('probe', 'value');
    await manager.userStore!.set('probe', 'value');
    expect(await manager.stateStore!.get('probe')).to.equal('value');
    expect([localStorage.length, sessionStorage.length]).to.deep.equal(before);
  });

  it('offers no login, and says why, where the page cannot use it', () => {
    const why = (a: ReturnType<typeof loginSettings>) => (a.ok ? 'ok' : a.why);
    expect(
      why(
        loginSettings(
          { ...login, redirectUris: ['https://x.example/cb.html'] },
          BACKEND,
          PAGE,
          true,
        ),
      ),
    ).to.contain("not in the backend's REDIRECT_URIS");
    expect(why(loginSettings(login, BACKEND, 'https://www.other.example', true))).to.contain(
      'another origin',
    );
    expect(why(loginSettings(login, BACKEND, PAGE, false))).to.contain('https');
  });
});

describe('login errors', () => {
  const cases: Array<[string, unknown, string]> = [
    ['access denied', oauth('access_denied'), 'login_denied'],
    ['closed popup', new Error('Popup closed by user'), 'popup_closed'],
    ['disposed window', new Error('Attempted to navigate on a disposed window'), 'popup_closed'],
    ['wrong client', oauth('invalid_client'), 'config'],
    ['refused grant', oauth('invalid_grant'), 'login_denied'],
    ['token server down', oauth('portal_unavailable'), 'server'],
    ['rate limit', oauth('rate_limited'), 'rate_limited'],
    ['timeout', Object.assign(new Error('Network timed out'), { name: 'ErrorTimeout' }), 'timeout'],
    ['offline', new TypeError('Failed to fetch'), 'network'],
    ['5xx page', new Error('Bad Gateway (502)'), 'server'],
    ['anything else', new Error('State does not match'), 'login_denied'],
  ];
  for (const [what, error, login] of cases) {
    it(`${what}: ${login} at sign-in`, () => {
      expect(loginFailure(error).code).to.equal(login);
    });
  }

  it('never copies the portal description into the message', () => {
    const error = Object.assign(oauth('access_denied'), { error_description: 'Erika said no' });
    expect(loginFailure(error).message).to.equal('login: access_denied');
  });
});

describe('login popup', () => {
  it('opens a named, centered popup synchronously, and reports a blocked one as null', () => {
    const calls: unknown[][] = [];
    const win = { closed: false } as Window;
    const open = (...args: unknown[]) => {
      calls.push(args);
      return win;
    };
    expect(openLoginWindow(open as Window['open'])).to.equal(win);
    expect(calls[0]![0]).to.equal('about:blank');
    expect(calls[0]![1]).to.equal(LOGIN_WINDOW_NAME);
    expect(calls[0]![2]).to.match(/^location=no,toolbar=no,width=480,height=640,left=\d+,top=\d+$/);
    expect(openLoginWindow((() => null) as Window['open'])).to.equal(null);
    expect(openLoginWindow((() => ({ closed: true })) as unknown as Window['open'])).to.equal(null);
    expect(
      popupFeatures({ screenX: 100, screenY: 50, outerWidth: 1280, outerHeight: 800 }),
    ).to.equal('location=no,toolbar=no,width=480,height=640,left=500,top=130');
  });

  it('callback: posts the URL to the opener on its own origin', () => {
    const posted: unknown[][] = [];
    const opener = { closed: false, postMessage: (...a: unknown[]) => posted.push(a) };
    const href = 'https://clinic.example/pb/callback.html?code=c&state=s1';
    const win = {
      opener,
      close: () => undefined,
      location: { href, origin: 'https://clinic.example' },
    } as never;
    expect(notifyOpener(win)).to.equal(true);
    expect(posted).to.deep.equal([
      [{ source: 'oidc-client', url: href, keepOpen: false }, 'https://clinic.example'],
    ]);
  });

  it('callback: without an opener, uses the state channel and closes itself', () => {
    const sent: Array<[string, unknown]> = [];
    let closed = false;
    const href = 'https://clinic.example/pb/callback.html?error=access_denied&state=s2';
    const win = {
      opener: null,
      close: () => (closed = true),
      location: { href, origin: 'https://clinic.example' },
    } as never;
    const channel = (name: string) => ({
      postMessage: (m: unknown) => sent.push([name, m]),
      close: () => undefined,
    });
    expect(notifyOpener(win, channel)).to.equal(true);
    expect(sent).to.deep.equal([
      ['oidc-client-popup-s2', { source: 'oidc-client', url: href, keepOpen: false }],
    ]);
    expect(closed).to.equal(true);
    const lost = {
      opener: null,
      close: () => undefined,
      location: { href: 'https://x/c', origin: 'https://x' },
    };
    expect(notifyOpener(lost as never, channel)).to.equal(false);
  });
});
