// Patient login in real Chromium against the sandbox: the popup through the portal's real login
// and consent pages, both client set-ups, and what happens when the popup is blocked, closed or
// the patient says no. Also: guests never download the login code.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import { openPage, startStack, type Stack } from '../support/stack.js';
import { focusedInStep, loginPage, openLoginPopup, signIn, storageKeys } from '../support/login.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

/** Token requests the page sends (where to, which grant). */
function recordTokenRequests(page: Page): Array<{ url: string; grant: string | null }> {
  const seen: Array<{ url: string; grant: string | null }> = [];
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/oauth/token')) return;
    seen.push({ url: r.url(), grant: new URLSearchParams(r.postData() ?? '').get('grant_type') });
  });
  return seen;
}

/**
 * Every script the page loads, with its text: null when the page closed before it could be read
 * (a chunk still arriving when the test ends; the test checks texts read before that).
 */
function recordScripts(page: Page): Array<Promise<{ url: string; text: string | null }>> {
  const scripts: Array<Promise<{ url: string; text: string | null }>> = [];
  page.on('response', (r: Response) => {
    if (r.request().resourceType() !== 'script') return;
    scripts.push(
      r.text().then(
        (text) => ({ url: r.url(), text }),
        () => ({ url: r.url(), text: null }),
      ),
    );
  });
  return scripts;
}

/** Read scripts only: an unread one would pass any check of its text. */
async function readScripts(
  scripts: Array<Promise<{ url: string; text: string | null }>>,
): Promise<Array<{ url: string; text: string }>> {
  const all = await Promise.all(scripts);
  // The proof-of-work worker's script is fetched by its Worker, whose body the browser does not
  // always hand to the test (seen under load); it is the hashing alone, never login code.
  const unread = all
    .filter((s) => s.text === null && !/\/chunks\/pow-worker-[\w-]+\.js$/.test(s.url))
    .map((s) => s.url);
  assert.deepEqual(unread, [], 'every script could be read');
  return all.map((s) => ({ url: s.url, text: s.text ?? '' }));
}

const isLoginCode = (s: { text: string }) => s.text.includes('oidc-client');

describe('patient login', () => {
  it('signs in through the exchange at the backend and keeps nothing in storage', async () => {
    const { page, context, problems } = await openPage(stack, loginPage(stack, '/conf.html'));
    const tokens = recordTokenRequests(page);
    await page.getByText('Already a patient of this practice?').waitFor();
    await signIn(page);
    // The sign-in button is gone: focus moved to the step's heading.
    await page.waitForFunction(
      () => !!document.querySelector('patient-booking')!.shadowRoot!.activeElement,
    );
    assert.equal(await focusedInStep(page), 'What do you need?');
    // The exchange goes to the backend, on the page's own origin.
    assert.deepEqual(tokens, [
      { url: `${stack.web.origin}/dist/oauth/token`, grant: 'authorization_code' },
    ]);
    assert.deepEqual(await storageKeys(page), []);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(await storageKeys(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps the refresh token at the backend (an HttpOnly cookie on its exchange); sign-out revokes it', async () => {
    const { page, context, problems } = await openPage(stack, loginPage(stack, '/cookie.html'));
    // Every answer the page got, and whether a script read it (fetch) as data.
    const answers: Array<Promise<{ text: string; data: boolean }>> = [];
    page.on('response', (r) => {
      const data = r.request().resourceType() === 'fetch';
      const body = r.text().catch(() => ''); // redirects have no body
      const headers = r.allHeaders();
      answers.push(
        Promise.all([body, headers]).then(([text, h]) => ({
          text: `${r.url()}\n${JSON.stringify(h)}\n${text}`,
          data,
        })),
      );
    });
    const issued = stack.portalTokens.refresh.length;
    await signIn(page);
    const refreshToken = stack.portalTokens.refresh[issued];
    assert.ok(refreshToken, 'the portal issued a refresh token, to the backend');
    // No answer the page could read carries it, or any refresh token.
    const seen = await Promise.all(answers);
    assert.ok(
      seen.some((a) => a.data && a.text.includes('access_token')),
      'the exchange was seen',
    );
    for (const { text, data } of seen) {
      assert.ok(!text.includes(refreshToken), text.slice(0, 200));
      if (data) assert.ok(!text.includes('refresh_token'), text.slice(0, 200));
    }
    const exchange = `${stack.web.origin}/dist/oauth/token`;
    // (The portal's own login cookies share the jar: cookies ignore ports.)
    const sessionCookies = async (url: string) =>
      (await context.cookies(url)).filter((c) => c.name === '__Secure-pb-refresh');
    const [cookie, ...others] = await sessionCookies(exchange);
    assert.deepEqual(others, []);
    assert.ok(cookie);
    assert.equal(cookie.path, '/dist/oauth', 'scoped to the exchange, not the site');
    assert.deepEqual([cookie.httpOnly, cookie.secure, cookie.sameSite], [true, true, 'Strict']);
    assert.ok(!cookie.value.includes(refreshToken), 'sealed');
    assert.deepEqual(await sessionCookies(`${stack.web.origin}/cookie.html`), []);
    assert.equal(await page.evaluate(() => document.cookie), '');

    const logout = page.waitForResponse((r) => r.url().endsWith('/dist/oauth/logout'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal((await logout).status(), 204);
    assert.deepEqual(await sessionCookies(exchange), []);
    // A refresh now gets nothing, and the portal has revoked the token.
    const refresh = await page.evaluate(async () => {
      const r = await fetch('/dist/oauth/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&client_id=demo-client',
      });
      return { status: r.status, body: (await r.json()) as { error?: string } };
    });
    assert.deepEqual([refresh.status, refresh.body.error], [400, 'invalid_grant']);
    const direct = await fetch(`${stack.portal}/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa('demo-client:demo-secret')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    assert.equal(direct.status, 400, 'revoked at the portal');
    assert.deepEqual(
      problems.filter((p) => !p.includes('status of 400')),
      [],
    );
    await context.close();
  });

  it('prefills the booking form when signed in, and signing out takes the details away', async () => {
    const { page, context } = await openPage(stack, loginPage(stack, '/signout.html'));
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    await page.getByLabel('Mobile number').fill('+49 151 7654321');
    await signIn(page);
    await page.waitForFunction(() => {
      const root = document.querySelector('patient-booking')!.shadowRoot!;
      const form = root.querySelector('pb-details-step')!.shadowRoot!;
      return (
        form.querySelector<HTMLInputElement>('input[autocomplete="given-name"]')?.value === 'Erika'
      );
    });
    assert.equal(await page.getByLabel('Last name').inputValue(), 'Mustermann');
    assert.equal(await page.getByLabel('Email address').inputValue(), 'patient@example.com');
    assert.equal(
      await page.getByLabel('Mobile number').inputValue(),
      '+49 151 7654321',
      'typed text wins',
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await page.getByLabel('First name').inputValue(), '');
    assert.equal(await page.getByLabel('Email address').inputValue(), '');
    await context.close();
  });

  it('loads no login code on the guest path, and fetches it on the first sign-in click', async () => {
    const { page, context } = await openPage(stack, 'about:blank');
    const scripts = recordScripts(page);
    await page.goto(loginPage(stack, '/guest.html'));
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await page
      .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
      .first()
      .click();
    await page.getByLabel('First name').fill('Max');
    await page.getByLabel('Last name').fill('Gast');
    await page.getByLabel('Email address').fill('max@example.com');
    await page.getByLabel('Date of birth').fill('1990-01-02');
    await page.getByLabel('Mobile number').fill('+49 151 1111111');
    await page.getByRole('button', { name: /^Book appointment$/ }).click();
    await page.getByRole('heading', { name: /booked/i }).waitFor();
    const guestScripts = await readScripts(scripts);
    assert.ok(guestScripts.length > 0);
    assert.deepEqual(
      guestScripts.filter(isLoginCode).map((s) => s.url),
      [],
    );

    // The confirmation offers no sign-in: the next booking's first step does.
    await page.getByRole('button', { name: /Book another appointment/ }).click();
    const popup = await openLoginPopup(page);
    await popup.close();
    await page.getByText('The sign-in window was closed', { exact: false }).waitFor();
    const all = await readScripts(scripts);
    const login = all.slice(guestScripts.length).filter(isLoginCode);
    assert.equal(login.length, 1, 'the login chunk is fetched on the first sign-in click');
    assert.match(login[0]!.url, /\/dist\/chunks\/login-[\w-]+\.js$/);
    await context.close();
  });

  it("keeps the sign-in bar's place from the first screen: nothing moves when it arrives", async () => {
    const { page, context } = await openPage(stack, 'about:blank');
    // The sign-in bar's code is held back until the first screen has been measured.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/dist\/chunks\/sign-in-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(loginPage(stack, '/shift.html'));
    const insurance = page.getByRole('radio', { name: /Techniker Krankenkasse/ });
    await insurance.waitFor();
    const before = await insurance.boundingBox();
    assert.equal(await page.getByRole('button', { name: 'Sign in' }).count(), 0);
    release();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.deepEqual(await insurance.boundingBox(), before);
    await context.close();
  });

  it('explains a blocked popup and signs in on "Try again"', async () => {
    const { page, context } = await openPage(stack, 'about:blank');
    await page.addInitScript(() => {
      const open = window.open.bind(window);
      const w = window as unknown as { blockPopups: boolean };
      w.blockPopups = true;
      window.open = (url?: string | URL, target?: string, features?: string) =>
        w.blockPopups && target === 'patient-booking-login' ? null : open(url, target, features);
    });
    await page.goto(loginPage(stack, '/blocked.html'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The sign-in window was blocked' });
    await alert.waitFor();
    // The booking flow stays usable meanwhile.
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    await page.evaluate(
      () => ((window as unknown as { blockPopups: boolean }).blockPopups = false),
    );
    await signIn(page, /^Try again$/);
    assert.equal(await alert.count(), 0);
    await context.close();
  });

  it('unblocks the widget when the popup is closed, and signs in afterwards', async () => {
    const { page, context } = await openPage(stack, loginPage(stack, '/closed.html'));
    const popup = await openLoginPopup(page);
    await popup.getByLabel('Email').waitFor();
    await page.getByRole('button', { name: 'Signing in …' }).waitFor();
    await popup.close();
    await page.getByRole('alert').filter({ hasText: 'The sign-in window was closed' }).waitFor();
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await page.getByRole('button', { name: /Hausärztliche Beratung/ }).waitFor();
    await signIn(page, /^Try again$/);
    await context.close();
  });

  it('says so when the patient denies access on the consent page', async () => {
    const { page, context, problems } = await openPage(stack, loginPage(stack, '/deny.html'));
    const popup = await openLoginPopup(page);
    await popup.getByLabel('Email').fill('patient@example.com');
    await popup.getByLabel('Password').fill('sandbox');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    const closed = popup.waitForEvent('close');
    await popup
      .getByRole('button', { name: 'Deny' })
      .click()
      .catch(() => {});
    await closed;
    await page.getByRole('alert').filter({ hasText: 'Signing in did not work' }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('speaks German and works from the keyboard', async () => {
    const url = loginPage(stack, '/de.html', { locale: 'de' });
    const { page, context } = await openPage(stack, url);
    const signInButton = page.getByRole('button', { name: 'Anmelden' });
    await signInButton.focus();
    const opened = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const popup = await opened;
    await popup.getByLabel('Email').waitFor();
    await popup.close();
    await page.getByRole('alert').filter({ hasText: 'Anmeldefenster' }).waitFor();
    // Focus stays on the bar's button, which now offers to try again.
    const focused = await page.evaluate(() => {
      const bar = document
        .querySelector('patient-booking')!
        .shadowRoot!.querySelector('pb-account-bar')!;
      return bar.shadowRoot!.activeElement?.textContent?.trim();
    });
    assert.equal(focused, 'Erneut versuchen');
    await context.close();
  });
});

describe('one origin', () => {
  it('every request of the pages above went to the backend (none to the portal or elsewhere)', () => {
    assert.deepEqual(stack.foreignRequests, []);
  });
});
