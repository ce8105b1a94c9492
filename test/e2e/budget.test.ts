// Size budget of the guest path, enforced by bytes (never by time; timings live in bench/).
// Reads the built dist/ (`npm test` builds first; alone: `npm run build` then this file), loads a
// guest page in Chromium up to the first insurance shown and weighs every script it fetched.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loginFiles } from '../../bench/bytes.js';
import {
  bytes,
  guestPathScripts,
  LOGIN_LIBRARY_MARKERS,
  sum,
  type FetchedScript,
} from '../../bench/guest-path.js';
import { startStack, widgetPage, type Stack } from '../support/stack.js';

/** Guest-path scripts, lit included, gzip level 9. */
const GUEST_BUDGET_GZIP = 20 * 1024;

let stack: Stack;
let scripts: FetchedScript[] = [];

before(async () => {
  stack = await startStack();
  // A page that offers login (client id and callback) visited by a guest who never signs in.
  const url = widgetPage(
    stack,
    '/budget.html',
    { 'client-id': 'demo-spa', 'redirect-url': `${stack.web.origin}/dist/callback.html` },
    'en',
  );
  const context = await stack.browser.newContext();
  try {
    scripts = await guestPathScripts(await context.newPage(), url);
  } finally {
    await context.close();
  }
});
after(() => stack?.close());

const listing = () =>
  scripts.map((s) => `${s.path} ${bytes(s.gzip)} gzip, ${bytes(s.raw)} raw`).join('; ');

describe('size budget: guest path (navigation → first insurance shown)', () => {
  it('fetches scripts of at most 20 KB gzip, lit included', () => {
    assert.ok(scripts.length > 0, 'the guest page fetched no script at all');
    const total = sum(scripts, 'gzip');
    assert.ok(
      total <= GUEST_BUDGET_GZIP,
      `SIZE BUDGET EXCEEDED: guest-path scripts are ${bytes(total)} gzip -9, budget ${bytes(GUEST_BUDGET_GZIP)}, ` +
        `over by ${bytes(total - GUEST_BUDGET_GZIP)}. Fetched: ${listing()}. ` +
        'Module breakdown: npm run bench (bench/RESULTS.md, "Bundle").',
    );
  });

  it('fetches no login code (oidc-client-ts)', () => {
    const withLogin = scripts.filter((s) => LOGIN_LIBRARY_MARKERS.test(s.body)).map((s) => s.path);
    assert.deepEqual(
      withLogin,
      [],
      `LOGIN CODE ON THE GUEST PATH: ${withLogin.join(', ')} contain(s) oidc-client-ts ` +
        `(matched ${LOGIN_LIBRARY_MARKERS}); it belongs in a chunk loaded with import() on the first sign-in.`,
    );
  });

  it('has the login code in its own chunk in dist/, reached only through import()', async () => {
    const { loginChunks, loginLazy } = await loginFiles(resolve('dist'), scripts);
    assert.ok(
      loginLazy.length > 0,
      loginChunks.length === 0
        ? `LOGIN CHUNK MISSING: no file in dist/ contains oidc-client-ts (matched ${LOGIN_LIBRARY_MARKERS}). ` +
            `Guest path today: ${listing()}.`
        : `LOGIN CHUNK NOT LAZY: oidc-client-ts is in ${loginChunks.join(', ')}, but none of them is ` +
            'reached from the guest-path scripts only through a dynamic import().',
    );
  });
});
