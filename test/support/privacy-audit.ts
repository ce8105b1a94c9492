// The privacy audit of the end-to-end privacy suite, for every embedding mode: after a session,
// what the host page (and the widget's iframe) keeps and shows, the cookie jar, every request the
// browser made, the console and the postMessage traffic are searched for patient data and
// tokens; and after a patient login, what the popup's callback page left on its origin.
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { EVENT_KEYS, openLogged, type NetLog, type Opened, type Patient } from './faults.js';
import type { Stack } from './stack.js';

export interface Leak {
  where: string;
  what: string;
}

/** Patient data and tokens found in one place. */
export function scan(where: string, text: string, secrets: string[], leaks: Leak[]): void {
  for (const secret of secrets) {
    if (secret && text.includes(secret)) leaks.push({ where, what: mask(secret) });
  }
}

/** A URL as written and decoded: `%40` and `+` must not hide an email or a phone number. */
function scanUrl(where: string, url: string, secrets: string[], leaks: Leak[]): void {
  const forms = new Set([url]);
  for (const form of [url, url.replace(/\+/g, ' ')]) {
    try {
      forms.add(decodeURIComponent(form));
    } catch {
      // Not valid percent-encoding: the raw form is still scanned.
    }
  }
  const found: Leak[] = [];
  for (const form of forms) scan(where, form, secrets, found);
  // One leak per secret, however many forms show it.
  leaks.push(...found.filter((l, i) => found.findIndex((m) => m.what === l.what) === i));
}

/** Tokens are reported by their start only (the report must not leak them either). */
const mask = (s: string) => (s.length > 24 ? `${s.slice(0, 6)}…` : s);

/** What a guest typed, as the audit looks for it (the phone with and without spaces). */
export function patientSecrets({ mobile, ...rest }: Patient): string[] {
  return [...Object.values(rest), mobile, mobile.replace(/\s/g, '')];
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  try {
    return JSON.parse(text ?? '') as Record<string, unknown>;
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every token there is: those the browser received (the patient's access tokens), and every token
 * the portal issued to the backend, which keeps refresh tokens and guest tokens to itself.
 */
async function tokensOf(stack: Stack, net: NetLog): Promise<string[]> {
  const tokens = new Set<string>([...stack.portalTokens.access, ...stack.portalTokens.refresh]);
  for (const e of net.entries) {
    const bearer = /^Bearer (.+)$/.exec(e.headers.authorization ?? '')?.[1];
    if (bearer) tokens.add(bearer);
    const exchange = e.url.pathname.endsWith('/oauth/token');
    if (!exchange || e.method !== 'POST' || e.status !== 200) continue;
    const body = parseJson((await e.answer)?.body);
    for (const key of ['access_token', 'refresh_token', 'id_token']) {
      if (typeof body?.[key] === 'string') tokens.add(body[key] as string);
    }
  }
  return [...tokens];
}

/**
 * Records every `message` event's origin and payload in each frame and popup (window.__messages).
 * Plain source text: tsx would add helper calls to a function that do not exist in the page.
 */
const MESSAGE_RECORDER = `(() => {
  const log = (window.__messages = []);
  window.addEventListener('message', (e) => {
    let data;
    try {
      data = JSON.parse(JSON.stringify(e.data));
    } catch {
      data = String(e.data);
    }
    log.push({ origin: e.origin, data });
  }, true);
})();`;

interface SeenMessage {
  origin: string;
  data: unknown;
}

/** `openLogged`, with the postMessage traffic recorded in every frame from the first load on. */
export async function openAudited(stack: Stack, url: string): Promise<Opened> {
  const opened = await openLogged(stack, 'about:blank');
  await opened.context.addInitScript({ content: MESSAGE_RECORDER });
  await opened.page.goto(url);
  return opened;
}

interface DocumentState {
  /** Web storage, IndexedDB, Cache Storage, window.name, the title, the light DOM. */
  kept: Record<string, string>;
  /** The document's URL, its referrer and the same-origin history entries it can see. */
  urls: string[];
  historyState: string;
  events: Array<{ type: string; detail: Record<string, unknown> }>;
  messages: SeenMessage[];
}

/** What one document (the host page, the widget's iframe) keeps and has seen. */
async function documentState(doc: Page | Frame): Promise<DocumentState> {
  return doc.evaluate(async () => {
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
    for (const key of (await globalThis.caches?.keys()) ?? []) {
      for (const request of await (await caches.open(key)).keys()) cached.push(request.url);
    }
    // The Navigation API lists the same-origin entries of this frame's session history.
    const { navigation } = window as unknown as {
      navigation?: { entries(): Array<{ url: string | null }> };
    };
    const w = window as unknown as {
      __events?: DocumentState['events'];
      __messages?: SeenMessage[];
    };
    return {
      kept: {
        localStorage: JSON.stringify({ ...localStorage }),
        sessionStorage: JSON.stringify({ ...sessionStorage }),
        indexedDB: idb.join('\n'),
        cacheStorage: cached.join('\n'),
        windowName: window.name,
        title: document.title,
        lightDom: document.documentElement.outerHTML,
      },
      urls: [
        location.href,
        document.referrer,
        ...(navigation?.entries() ?? []).map((entry) => entry.url ?? ''),
      ].filter(Boolean),
      historyState: JSON.stringify(history.state),
      events: w.__events ?? [],
      messages: w.__messages ?? [],
    };
  });
}

/** Public event details: only the documented keys, and only ids, times, steps and codes. */
function checkEvents(
  events: Array<{ type: string; detail: Record<string, unknown> }>,
  leaks: Leak[],
  label = 'event',
) {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  for (const { type, detail } of events) {
    const allowed = EVENT_KEYS[type];
    assert.ok(allowed, `a public event: ${type}`);
    for (const [key, value] of Object.entries(detail)) {
      if (!allowed.includes(key)) leaks.push({ where: `${label} ${type}`, what: `key ${key}` });
      const fine =
        value === null ||
        typeof value === 'boolean' ||
        typeof value === 'number' ||
        (typeof value === 'string' &&
          (iso.test(value) ||
            /^[\w.-]+$/.test(value) ||
            (type === 'booking-error' && key === 'message')));
      if (!fine) leaks.push({ where: `${label} ${type}.${key}`, what: String(value) });
    }
  }
}

/**
 * postMessage payloads have documented shapes only: the embed frame's resize and public events
 * (whose details are held to the events' rules), and the login popup's hand-over of its callback
 * URL to the opener on the callback's origin. Anything else is reported by its keys.
 */
function checkMessages(stack: Stack, messages: SeenMessage[], leaks: Leak[]): void {
  const callbackOrigin = new URL(stack.callbackUrl).origin;
  for (const { origin, data } of messages) {
    const message = isRecord(data) ? data : {};
    const keys = Object.keys(message).sort().join(',');
    const { source, type } = message;
    if (source === 'patient-booking' && type === 'resize') {
      if (keys === 'height,source,type' && typeof message.height === 'number') continue;
    } else if (source === 'patient-booking' && typeof type === 'string' && EVENT_KEYS[type]) {
      if (keys === 'detail,source,type' && isRecord(message.detail)) {
        checkEvents([{ type, detail: message.detail }], leaks, `message from ${origin}:`);
        continue;
      }
    } else if (source === 'oidc-client' && origin === callbackOrigin) {
      const { url } = message;
      if (keys === 'keepOpen,source,url' && String(url).startsWith(`${stack.callbackUrl}?`)) {
        continue;
      }
    }
    leaks.push({
      where: `message from ${origin}`,
      what: `undocumented: ${isRecord(data) ? `keys ${keys}` : typeof data}`,
    });
  }
}

interface JarCookie {
  name: string;
  value: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string | undefined;
  /** The cookie's domain without a leading dot. */
  host: string;
  /** The origin whose response or script set it. */
  setBy: string;
}

/**
 * The whole cookie jar of the context. Not `context.cookies(urls)`: that leaves out cookies with a
 * narrower path (a script at /dist/… sets path=/dist by default). Chromium keeps the port and
 * scheme a cookie was set from, though cookies themselves ignore ports.
 */
async function cookieJar(opened: Opened): Promise<JarCookie[]> {
  const cdp = await opened.context.newCDPSession(opened.page);
  try {
    const { cookies } = await cdp.send('Network.getAllCookies');
    return cookies.map((c) => {
      const host = c.domain.replace(/^\./, '');
      const scheme = c.sourceScheme === 'Secure' ? 'https' : 'http';
      const { name, value, path, httpOnly, secure, sameSite } = c;
      const setBy = `${scheme}://${host}:${c.sourcePort}`;
      return { name, value, path, httpOnly, secure, sameSite, host, setBy };
    });
  } finally {
    await cdp.detach();
  }
}

/** The backend's session cookie, exactly as documented: HttpOnly, Secure, Strict, on its exchange. */
function isSessionCookie(stack: Stack, c: JarCookie): boolean {
  return (
    c.name === '__Secure-pb-refresh' &&
    // Set over http://localhost, which Chromium counts as a secure scheme (https in `setBy`).
    new URL(c.setBy).host === new URL(stack.web.origin).host &&
    c.path === '/dist/oauth' &&
    c.httpOnly &&
    c.secure &&
    c.sameSite === 'Strict'
  );
}

/**
 * Everything the privacy promise covers, after a session; returns the leaks found. `embedFrame`:
 * the widget's iframe (iframe mode), audited like the host page.
 */
export async function audit(
  stack: Stack,
  opened: Opened,
  secrets: string[],
  embedFrame?: Frame,
): Promise<Leak[]> {
  const { page, net } = opened;
  await net.settle();
  const tokens = await tokensOf(stack, net);
  const all = [...secrets, ...tokens];
  const leaks: Leak[] = [];

  const documents: Array<[string, Page | Frame]> = [['host', page]];
  if (embedFrame) documents.push(['frame', embedFrame]);
  const pageOrigins = new Set(documents.map(([, doc]) => new URL(doc.url()).origin));
  for (const [name, doc] of documents) {
    const state = await documentState(doc);
    for (const [where, text] of Object.entries(state.kept))
      scan(`${name} ${where}`, text, all, leaks);
    for (const url of state.urls) scanUrl(`${name} URL`, url, all, leaks);
    scan(`${name} history.state`, state.historyState, all, leaks);
    assert.ok(state.events.length > 0, `the ${name} saw events`);
    scan(`${name} events`, JSON.stringify(state.events), all, leaks);
    checkEvents(state.events, leaks);
    // The iframe reports to the host by postMessage only: that traffic must have been seen.
    if (embedFrame && doc === page) assert.ok(state.messages.length > 0, 'the host got messages');
    scan(`${name} messages`, JSON.stringify(state.messages), all, leaks);
    checkMessages(stack, state.messages, leaks);
  }

  // Cookies ignore ports, so the portal's login session cookies (set by the sandbox on
  // localhost:other-port) share the jar with the host page here, though not in production. A
  // cookie is acceptable only if the portal's origin set it, or if it is the backend's session
  // cookie (a sealed refresh token, out of scripts' reach, sent to the login exchange only); none
  // other may come from a page's origin.
  const hosts = new Set([...pageOrigins].map((origin) => new URL(origin).hostname));
  for (const cookie of await cookieJar(opened)) {
    if (!hosts.has(cookie.host)) continue;
    scan(`cookie ${cookie.name}`, cookie.value, all, leaks);
    if (cookie.setBy !== stack.portal && !isSessionCookie(stack, cookie)) {
      leaks.push({ where: `cookie set by ${cookie.setBy}`, what: cookie.name });
    }
  }
  // No answer the page or its popup got carries a refresh token (the backend keeps them).
  for (const e of net.entries) {
    const answer = await e.answer;
    if (!answer) continue;
    const text = `${JSON.stringify(answer.headers)}\n${answer.body}`;
    scan(
      `answer of ${e.method} ${e.url.origin}${e.url.pathname}`,
      text,
      stack.portalTokens.refresh,
      leaks,
    );
  }
  scan('console', opened.console.join('\n'), all, leaks);

  // On the wire: no secret in any URL; patient data and tokens only to the backend (its API,
  // its exchange); no credentials to anyone else.
  const webOrigins = [stack.web.origin, stack.web.altOrigin, stack.web.plainOrigin];
  const toBackend = (url: URL) =>
    webOrigins.includes(url.origin) && url.pathname.startsWith('/dist/');
  for (const e of net.entries) {
    const to = `${e.method} ${e.url.origin}${e.url.pathname}`;
    scanUrl(`URL of ${to}`, e.url.href, all, leaks);
    const body = e.request.postData() ?? '';
    if (!toBackend(e.url)) scan(`body of ${to}`, body, secrets, leaks);
    if (!toBackend(e.url)) scan(`body of ${to}`, body, tokens, leaks);
    if (e.headers.authorization && !toBackend(e.url))
      leaks.push({ where: `Authorization to ${to}`, what: 'a bearer token' });
    if (pageOrigins.has(e.url.origin)) {
      const headers = { ...e.headers };
      if (toBackend(e.url)) delete headers.authorization;
      scan(`headers of ${to}`, JSON.stringify(headers), all, leaks);
    }
  }
  return leaks;
}

// ---------------------------------------------------------------------------------------------
// The login popup's callback page (dist/callback.html, on the host page's origin)

export interface StorageWrite {
  origin: string;
  storage: 'localStorage' | 'sessionStorage';
  key: string;
}

/**
 * Records every web-storage write on `origin` in popups the page opens from now on (the login).
 * sessionStorage belongs to one tab: a page opened after the popup closed cannot see what the
 * callback page put there, so the writes are watched as they happen.
 */
export function watchPopupStorage(opened: Opened, origin: string) {
  const writes: StorageWrite[] = [];
  const watching: Array<Promise<unknown>> = [];
  opened.page.on('popup', (popup) => {
    watching.push(
      (async () => {
        const cdp = await opened.context.newCDPSession(popup);
        for (const event of ['domStorageItemAdded', 'domStorageItemUpdated'] as const) {
          cdp.on(`DOMStorage.${event}`, ({ storageId, key }) => {
            if (storageId.securityOrigin !== origin) return;
            const storage = storageId.isLocalStorage ? 'localStorage' : 'sessionStorage';
            writes.push({ origin, storage, key });
          });
        }
        await cdp.send('DOMStorage.enable');
      })(),
    );
  });
  return {
    writes,
    /** Resolves once every popup opened so far is watched (before its login is done). */
    ready: () => Promise.all(watching),
  };
}

/**
 * After a sign-in: the callback page's origin keeps nothing in web storage (seen from a page
 * opened there afterwards, plus the popup's own writes), and no URL of that origin that a page
 * can see (location, referrer, session history) holds the authorization code, the state or a
 * token; neither does the console.
 */
export async function auditCallbackOrigin(
  stack: Stack,
  opened: Opened,
  popupWrites: StorageWrite[],
): Promise<Leak[]> {
  const { net, page, context } = opened;
  await net.settle();
  const callbacks = net.entries.filter(
    (e) =>
      `${e.url.origin}${e.url.pathname}` === stack.callbackUrl && e.url.searchParams.has('code'),
  );
  assert.ok(callbacks.length > 0, 'the popup came back to the callback page with a code');
  const secrets = [
    ...callbacks.flatMap((e) => [
      e.url.searchParams.get('code')!,
      e.url.searchParams.get('state')!,
    ]),
    ...(await tokensOf(stack, net)),
  ];
  const leaks: Leak[] = popupWrites.map((w) => ({
    where: `callback origin ${w.storage} (written in the popup)`,
    what: w.key,
  }));

  const origin = new URL(stack.callbackUrl).origin;
  stack.web.page('/privacy-after-login.html', '<!doctype html><title>after login</title>');
  const after = await context.newPage();
  try {
    await after.goto(`${origin}/privacy-after-login.html`);
    // The host page shares the callback's origin (script-tag mode) and sees its own history.
    for (const [name, doc] of [
      ['a page opened afterwards', after],
      ['the host page', page],
    ] as const) {
      const state = await documentState(doc);
      for (const storage of ['localStorage', 'sessionStorage'] as const) {
        // Anything at all counts; reported by key (a value may be a token).
        const keys = Object.keys(JSON.parse(state.kept[storage]!) as object);
        if (keys.length) {
          leaks.push({ where: `callback origin ${storage}, from ${name}`, what: keys.join(', ') });
        }
      }
      for (const url of state.urls) scanUrl(`URL seen by ${name}`, url, secrets, leaks);
      scan(`history.state of ${name}`, state.historyState, secrets, leaks);
    }
  } finally {
    await after.close();
  }
  scan('console', opened.console.join('\n'), secrets, leaks);
  return leaks;
}
