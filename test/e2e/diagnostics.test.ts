// The misconfiguration table of docs/diagnostics.md, row by row: for each, a page with that
// misconfiguration (script tag, CMS markup or a hand-made iframe, against a backend set up to
// match) shows exactly one console line as documented, a `booking-error` whose `setting` and
// `code` are the documented ones, and, for the patient, the phone number and what still works.
// The table and the cases here must list the same rows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startBackend, type StartedBackend } from '../../server/backend/node-adapter.js';
import type { BackendConfig } from '../../server/backend/config.js';
import { builtWidget } from '../support/widget-dist.js';
import { freePort } from '../support/free-port.js';
import { startStack, type Stack } from '../support/stack.js';
import { openLogged, type Opened } from '../support/faults.js';
import { bookAsGuest, html } from '../support/embed-pages.js';

const PHONE = '030 1234567';

/** One row of the table: the first cell names it, the others are what the test checks. */
interface Row {
  name: string;
  line: RegExp;
  setting: string;
  code: string;
}

const cell = (text: string) => text.trim().replace(/^`|`$/g, '');

/** The rows of docs/diagnostics.md's table; a line's `…` matches any value. */
function documentedRows(): Row[] {
  const doc = readFileSync(resolve('docs/diagnostics.md'), 'utf8');
  const rows = doc.split('\n').filter((l) => l.startsWith('| ') && !/^\|\s*(-|misconfig)/.test(l));
  return rows.map((l) => {
    const [name, line, setting, code] = l
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
    return {
      name: name!,
      line: linePattern(cell(line!)),
      setting: cell(setting!),
      code: cell(code!),
    };
  });
}

function linePattern(line: string): RegExp {
  const pattern = line
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

let stack: Stack;
/** Backends set up wrongly, one way each; all give the practice's phone number. */
let strict: StartedBackend;
let noCallback: StartedBackend;
let refused: StartedBackend;
let closedPort: number;

async function backend(overrides: Partial<BackendConfig>): Promise<StartedBackend> {
  return startBackend(
    {
      port: 0,
      portalUrl: stack.portal,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      allowedOrigins: [stack.web.origin],
      practice: { phone: PHONE },
      rateLimit: { limit: 0, proxyLimit: 0, windowSeconds: 60 },
      bookingLimits: { perIp: 0, perEmail: 0, perSlot: 0 },
      ...overrides,
    },
    { log: () => {}, warn: () => {}, files: builtWidget() },
  );
}

before(async () => {
  stack = await startStack({ backend: { practice: { phone: PHONE } } });
  closedPort = await freePort();
  strict = await backend({ allowedOrigins: [] });
  noCallback = await backend({ redirectUris: ['https://elsewhere.example/pb/callback.html'] });
  refused = await backend({ clientSecret: 'not-the-secret' });
});
after(async () => {
  await Promise.all([strict?.close(), noCallback?.close(), refused?.close()]);
  await stack?.close();
});

let pages = 0;
/** A script-tag page with these attributes on the element. */
function scriptTag(attrs: Record<string, string>, lang = 'en'): string {
  const path = `/diagnostics-${++pages}.html`;
  const attributes = Object.entries(attrs)
    .map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join(' ');
  stack.web.page(
    path,
    html(`<patient-booking ${attributes}></patient-booking>`, {
      head: '<script type="module" src="/dist/patient-booking.js"></script>',
      lang,
    }),
  );
  return `${stack.web.origin}${path}`;
}

/** CMS markup with these `data-*` attributes. */
function cmsMarkup(attrs: Record<string, string>): string {
  const path = `/diagnostics-${++pages}.html`;
  const data = Object.entries(attrs)
    .map(([k, v]) => `data-${k}="${v}"`)
    .join(' ');
  stack.web.page(
    path,
    html(
      `<div data-patient-booking ${data}>Online booking: ${PHONE}</div><script src="/dist/embed.js" defer></script>`,
    ),
  );
  return `${stack.web.origin}${path}`;
}

/** What the patient reads (src/i18n/en-*.ts). */
const SAYS = {
  config: 'This booking form is not set up correctly. Please call the practice.',
  network: 'No connection. Please check your internet connection and try again.',
  backend:
    'Online booking is not available right now. Please try again later or call the practice.',
  notFound: 'This option is no longer available. Please choose again.',
};

type Scope = Page | Frame;
const widget = (where: Scope) => where.locator('patient-booking').last();

async function seesPhone(where: Scope): Promise<void> {
  const link = widget(where).getByRole('link', { name: PHONE });
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), 'tel:0301234567');
}

async function seesAlert(where: Scope, text: string): Promise<void> {
  await widget(where).getByRole('alert').filter({ hasText: text }).first().waitFor();
}

async function seesHeading(where: Scope, name: string): Promise<void> {
  await widget(where).getByRole('heading', { name }).waitFor();
  // Something to choose: the insurances, or the types of a preselected insurance.
  await widget(where).locator('[part~="filter"] input, [part~="option"]').first().waitFor();
}

/** How to build the page of a row, and what the patient must see on it. */
interface Case {
  url(): string;
  /** The frame the widget is in, when not the page itself. */
  frame?: (page: Page) => Frame;
  sees(where: Scope): Promise<void>;
}

const CASES: Record<string, Case> = {
  '`backend` is not an http(s) URL': {
    url: () => scriptTag({ locale: 'en', backend: 'javascript:alert(1)' }),
    sees: async (where) => {
      await seesPhone(where);
      await bookAsGuest(where);
    },
  },
  '`backend` names a host where nothing answers (wrong host or port)': {
    url: () => scriptTag({ locale: 'en', backend: `http://127.0.0.1:${closedPort}/pb/` }),
    sees: async (where) => {
      await seesAlert(where, SAYS.network);
      await widget(where).getByRole('button', { name: 'Try again' }).waitFor();
    },
  },
  '`backend` names a server that is not the booking backend (a URL without scheme, a wrong path)': {
    url: () => scriptTag({ locale: 'en', backend: 'clinic.example/pb/' }),
    sees: (where) => seesAlert(where, SAYS.config),
  },
  'a preselected id that is not an id': {
    url: () => cmsMarkup({ locale: 'en', 'insurance-id': '../institutions' }),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesPhone(where);
    },
  },
  'an `insurance-id` the portal does not know': {
    url: () => scriptTag({ locale: 'en', 'insurance-id': '999999' }),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesAlert(where, SAYS.notFound);
      await seesPhone(where);
    },
  },
  'an `appointment-category-id` the portal does not know (for that insurance)': {
    url: () =>
      cmsMarkup({ locale: 'en', 'insurance-id': '136', 'appointment-category-id': '999999' }),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesAlert(where, SAYS.notFound);
      await seesPhone(where);
    },
  },
  'an `appointment-type-id` the portal does not know (in that category)': {
    url: () =>
      scriptTag({
        locale: 'en',
        'insurance-id': '136',
        'appointment-category-id': '53',
        'appointment-type-id': '999999',
      }),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesAlert(where, SAYS.notFound);
      await seesPhone(where);
    },
  },
  'a `locale` the widget does not speak': {
    url: () => scriptTag({ locale: 'xx-YY' }, 'en'),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesPhone(where);
    },
  },
  'a `theme` that is not `light`, `dark` or `auto`': {
    url: () => cmsMarkup({ locale: 'en', theme: 'neon' }),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesPhone(where);
      // Light: the widget's text is dark on a light surface.
      const color = await widget(where)
        .locator('h1')
        .evaluate((h) => getComputedStyle(h).color);
      const [r, g, b] = color.match(/\d+/g)!.map(Number);
      assert.ok(r! + g! + b! < 3 * 128, `dark text on light: ${color}`);
    },
  },
  'a `variant` that is not `card` or `plain`': {
    url: () => scriptTag({ locale: 'en', variant: 'borderless' }),
    sees: async (where) => {
      await seesHeading(where, 'What do you need?');
      await seesPhone(where);
      // The card: its own border.
      const border = await widget(where).evaluate((el) => getComputedStyle(el).borderTopStyle);
      assert.equal(border, 'solid');
    },
  },
  "the page's origin is not in the backend's `ALLOWED_ORIGINS`": {
    url: () => scriptTag({ locale: 'en', backend: `${strict.url}/` }),
    sees: async (where) => {
      await seesAlert(where, SAYS.config);
      await seesPhone(where);
    },
  },
  "the callback page beside the widget is not in the backend's `REDIRECT_URIS`": {
    url: () => scriptTag({ locale: 'en', backend: `${noCallback.url}/` }),
    sees: async (where) => {
      await seesPhone(where);
      await bookAsGuest(where);
      assert.equal(await widget(where).getByRole('button', { name: 'Sign in' }).count(), 0);
    },
  },
  "the portal refuses the backend's client credentials": {
    url: () => scriptTag({ locale: 'en', backend: `${refused.url}/` }),
    sees: async (where) => {
      await seesAlert(where, SAYS.backend);
      await seesPhone(where);
    },
  },
  '`embed.html` framed by a hand-made `<iframe>`, without `embed.js`': {
    url: () => {
      const path = `/diagnostics-${++pages}.html`;
      const src = `${stack.web.origin}/dist/embed.html?locale=en`;
      stack.web.page(path, html(`<iframe src="${src}" style="width:100%;height:900px"></iframe>`));
      return `${stack.web.origin}${path}`;
    },
    frame: (page) => page.frames().find((f) => f.url().includes('/dist/embed.html'))!,
    sees: async (where) => {
      await seesPhone(where);
      await bookAsGuest(where);
    },
  },
};

/** The `patient-booking:` warnings of the page and its frames. */
function warnings(opened: Opened): string[] {
  return opened.console
    .filter((l) => l.startsWith('warning: patient-booking:'))
    .map((l) => l.slice('warning: '.length));
}

/** The `booking-error` details seen in the page or frame. */
async function events(where: Scope): Promise<Array<Record<string, unknown>>> {
  const all = await where.evaluate(
    () => (window as unknown as { __events: Array<{ type: string; detail: unknown }> }).__events,
  );
  return all
    .filter((e) => e.type === 'booking-error')
    .map((e) => e.detail as Record<string, unknown>);
}

const rows = documentedRows();

describe('diagnostics: the table of docs/diagnostics.md', () => {
  it('lists the same misconfigurations as this test', () => {
    assert.deepEqual(rows.map((r) => r.name).sort(), Object.keys(CASES).sort());
  });

  for (const row of rows) {
    it(`${row.name}: the line, booking-error setting ${row.setting} (${row.code}), what the patient sees`, async () => {
      const test = CASES[row.name]!;
      await stack.control('/reset');
      const opened = await openLogged(stack, test.url());
      try {
        const where = test.frame ? test.frame(opened.page) : opened.page;
        await test.sees(where);
        // The event: the documented setting and code (every booking-error has a `setting`).
        const setting = JSON.stringify(row.setting);
        await where.waitForFunction(
          `window.__events.some((e) => e.type === 'booking-error' && e.detail.setting === ${setting})`,
        );
        const all = await events(where);
        assert.ok(
          all.every((e) => 'setting' in e),
          `setting in every detail: ${JSON.stringify(all)}`,
        );
        const mine = all.filter((e) => e.setting === row.setting);
        assert.ok(mine.length > 0, `a booking-error names ${row.setting}: ${JSON.stringify(all)}`);
        assert.ok(
          mine.every((e) => e.code === row.code),
          `code ${row.code}: ${JSON.stringify(mine)}`,
        );
        // The line: exactly one names it, as documented.
        const lines = warnings(opened).filter((l) => row.line.test(l));
        assert.equal(
          lines.length,
          1,
          `one line like ${row.line}: ${JSON.stringify(warnings(opened))}`,
        );
        assert.deepEqual(opened.uncaught, []);
      } finally {
        await opened.context.close();
      }
    });
  }
});
