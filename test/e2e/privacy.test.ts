// Privacy, end to end: after a full guest session and a full signed-in session, the host page's
// storage (localStorage, sessionStorage, IndexedDB, Cache Storage), its cookies, its URL, its
// light DOM and the console hold no patient data and no token; public events carry ids, times
// and codes only; patient data and tokens travel only to where they belong. And the built
// bundle holds no client secret.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startStack, widgetPage, type Stack } from '../support/stack.js';
import { loginPage, signIn } from '../support/login.js';
import {
  EVENT_KEYS,
  PATIENT,
  bookAsGuest,
  bookNow,
  chooseType,
  confirmation,
  newTally,
  openLogged,
  pickTime,
  printTally,
  type NetLog,
  type Opened,
} from '../support/faults.js';

let stack: Stack;
const tally = newTally();
before(async () => {
  stack = await startStack();
});
after(async () => {
  printTally('privacy', tally);
  await stack?.close();
});
beforeEach(() => stack.control('/reset'));

/** The sandbox's demo patient, as userinfo tells the widget. */
const ERIKA = [
  'Erika',
  'Mustermann',
  'patient@example.com',
  '1984-08-12',
  '23125 481',
  '23125 482',
  'Heidestraße',
  '10557',
];

interface Leak {
  where: string;
  what: string;
}

/** Patient data and tokens found in one place. */
function scan(where: string, text: string, secrets: string[], leaks: Leak[]): void {
  for (const secret of secrets) {
    if (secret && text.includes(secret)) leaks.push({ where, what: mask(secret) });
  }
}

/** Tokens are reported by their start only (the report must not leak them either). */
const mask = (s: string) => (s.length > 24 ? `${s.slice(0, 6)}…` : s);

function parseJson(text: string | undefined): Record<string, unknown> | null {
  try {
    return JSON.parse(text ?? '') as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Every token the browser received: guest tokens and the patient's access/refresh/id tokens. */
async function tokensOf(net: NetLog, tokenServer: string): Promise<string[]> {
  const tokens = new Set<string>();
  for (const e of net.entries) {
    const bearer = /^Bearer (.+)$/.exec(e.headers.authorization ?? '')?.[1];
    if (bearer) tokens.add(bearer);
    if (e.url.origin !== tokenServer || e.method !== 'POST' || e.status !== 200) continue;
    const body = parseJson((await e.answer)?.body);
    for (const key of ['access_token', 'refresh_token', 'id_token']) {
      if (typeof body?.[key] === 'string') tokens.add(body[key] as string);
    }
  }
  return [...tokens];
}

/** Names of the cookies that responses from `origin` set. */
async function cookiesSetBy(net: NetLog, origin: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const e of net.entries) {
    if (e.url.origin !== origin) continue;
    for (const h of (await e.answer)?.headers ?? []) {
      if (h.name.toLowerCase() === 'set-cookie') names.add(h.value.split('=')[0]!.trim());
    }
  }
  return names;
}

/** What the host origin keeps: web storage, IndexedDB, Cache Storage, window.name, the title. */
async function hostStorage(opened: Opened): Promise<Record<string, string>> {
  return opened.page.evaluate(async () => {
    const idb: string[] = [];
    for (const info of (await indexedDB.databases?.()) ?? []) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((ok, fail) => {
          const r = db.transaction(store, 'readonly').objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        idb.push(`${info.name}/${store}: ${JSON.stringify(rows)}`);
      }
      db.close();
    }
    const cached: string[] = [];
    for (const key of await caches.keys()) {
      for (const request of await (await caches.open(key)).keys()) cached.push(request.url);
    }
    return {
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      indexedDB: idb.join('\n'),
      cacheStorage: cached.join('\n'),
      windowName: window.name,
      title: document.title,
      lightDom: document.documentElement.outerHTML,
    };
  });
}

/** Public event details: only the documented keys, and only ids, times, steps and codes. */
function checkEvents(
  events: Array<{ type: string; detail: Record<string, unknown> }>,
  leaks: Leak[],
) {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  for (const { type, detail } of events) {
    const allowed = EVENT_KEYS[type];
    assert.ok(allowed, `a public event: ${type}`);
    for (const [key, value] of Object.entries(detail)) {
      if (!allowed.includes(key)) leaks.push({ where: `event ${type}`, what: `key ${key}` });
      const fine =
        value === null ||
        typeof value === 'boolean' ||
        typeof value === 'number' ||
        (typeof value === 'string' &&
          (iso.test(value) ||
            /^[\w.-]+$/.test(value) ||
            (type === 'booking-error' && key === 'message')));
      if (!fine) leaks.push({ where: `event ${type}.${key}`, what: String(value) });
    }
  }
}

/** Everything the privacy promise covers, after a session; returns the leaks found. */
async function audit(opened: Opened, secrets: string[]): Promise<Leak[]> {
  const { page, context, net } = opened;
  const tokenServer = new URL(stack.tokenUrl).origin;
  await net.settle();
  const tokens = await tokensOf(net, tokenServer);
  assert.ok(tokens.length > 0, 'the session used tokens');
  const all = [...secrets, ...tokens];
  const leaks: Leak[] = [];

  for (const [where, text] of Object.entries(await hostStorage(opened))) {
    scan(where, text, where === 'lightDom' ? secrets.concat(tokens) : all, leaks);
  }
  // Cookies ignore ports: the portal's own login session cookies (set by the sandbox on
  // localhost:other-port) share the jar with the host page here, though not in production. Those
  // are the portal's; any other cookie of the host would be the widget's, and there must be none.
  const portalCookies = await cookiesSetBy(net, stack.portal);
  for (const cookie of await context.cookies([stack.web.origin])) {
    scan(`cookie ${cookie.name}`, cookie.value, all, leaks);
    if (!portalCookies.has(cookie.name)) leaks.push({ where: 'cookies', what: cookie.name });
  }
  scan('URL', page.url(), all, leaks);
  scan('history', String(await page.evaluate(() => history.state)), all, leaks);
  scan('console', opened.console.join('\n'), all, leaks);
  const events = await page.evaluate(
    () =>
      (window as unknown as { __events: Array<{ type: string; detail: Record<string, unknown> }> })
        .__events,
  );
  assert.ok(events.length > 0, 'events were seen');
  scan('events', JSON.stringify(events), all, leaks);
  checkEvents(events, leaks);

  // On the wire: no secret in any URL; patient data only to the portal; tokens only to the
  // portal (Authorization) and the token server (the refresh); no credentials to anyone else.
  for (const e of net.entries) {
    const to = `${e.method} ${e.url.origin}${e.url.pathname}`;
    scan(`URL of ${to}`, e.url.href, all, leaks);
    const body = e.request.postData() ?? '';
    if (e.url.origin !== stack.portal) scan(`body of ${to}`, body, secrets, leaks);
    if (e.url.origin !== stack.portal && e.url.origin !== tokenServer)
      scan(`body of ${to}`, body, tokens, leaks);
    if (e.headers.authorization && e.url.origin !== stack.portal)
      leaks.push({ where: `Authorization to ${to}`, what: 'a bearer token' });
    if (e.url.origin === stack.web.origin)
      scan(`headers of ${to}`, JSON.stringify(e.headers), all, leaks);
  }
  return leaks;
}

describe('privacy', () => {
  it('a full guest session leaves no patient data and no token on the host page, and sends them only to the portal', async () => {
    const opened = await openLogged(
      stack,
      widgetPage(stack, '/privacy-guest.html', { locale: 'en' }),
    );
    await bookAsGuest(opened.page);
    const { mobile, ...rest } = PATIENT;
    const leaks = await audit(opened, [...Object.values(rest), mobile, mobile.replace(/\s/g, '')]);
    tally.leaks += leaks.length;
    assert.deepEqual(leaks, [], 'no leaks');
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });

  it('a full signed-in session (popup login, booking, my appointments, sign-out) leaves no patient data and no token on the host page', async () => {
    const opened = await openLogged(stack, loginPage(stack, '/privacy-signed-in.html'));
    const { page } = opened;
    await signIn(page);
    await chooseType(page);
    await pickTime(page);
    await page.getByLabel('First name').waitFor();
    const mobile = page.getByLabel(/Mobile number/);
    if (!(await mobile.inputValue())) await mobile.fill('+49 30 23125 482');
    await page.getByRole('button', { name: 'Continue' }).click();
    await bookNow(page).click();
    await confirmation(page).waitFor();
    const during = await audit(opened, ERIKA);
    await page.getByRole('button', { name: 'My appointments' }).click();
    await page.getByRole('heading', { name: 'My appointments' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const leaks = [...during, ...(await audit(opened, ERIKA))];
    tally.leaks += leaks.length;
    assert.deepEqual(leaks, [], 'no leaks');
    assert.deepEqual(opened.uncaught, []);
    await opened.context.close();
  });
});

describe('privacy: the built bundle', () => {
  it('dist/ holds no client secret (demo-secret)', async () => {
    const root = resolve('dist');
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const name of await readdir(dir)) {
        const path = join(dir, name);
        if ((await stat(path)).isDirectory()) await walk(path);
        else files.push(path);
      }
    };
    await walk(root).catch(() => assert.fail('no dist/: run `npm run build` first'));
    assert.ok(
      files.some((f) => f.endsWith('patient-booking.js')),
      'the bundle was built',
    );
    const found: string[] = [];
    for (const file of files) {
      if ((await readFile(file, 'latin1')).includes('demo-secret')) found.push(file);
    }
    tally.leaks += found.length;
    assert.deepEqual(found, [], 'the client secret is in no built file');
  });
});
