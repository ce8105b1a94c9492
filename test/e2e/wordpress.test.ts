// The WordPress plugin in a real WordPress (Debian's, with MariaDB and PHP's built-in server,
// test/support/wordpress.ts): configured through its settings page in Chromium, then a guest books
// through a shortcode on one page and through a block on another page that has two widgets,
// against the sandbox portal through the booking backend, which the site names on its settings page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { wordPressZip } from '../../scripts/build-wordpress.js';
import { startBackend } from '../../server/backend/node-adapter.js';
import { builtWidget } from '../support/widget-dist.js';
import { freePort } from '../support/free-port.js';
import { startStack, type Stack } from '../support/stack.js';
import { startWordPress, type WordPress } from '../support/wordpress.js';

const PAGES = {
  shortcode: '[patient_booking locale="en"]',
  // The block preselects a category and a type; the shortcode beside it an insurance.
  'two widgets': [
    '<!-- wp:patient-booking/booking {"categoryId":"53","typeId":"198"} /-->',
    '<!-- wp:shortcode -->[patient_booking insurance_id="136" locale="en" theme="dark" accent="#8a2be2"]<!-- /wp:shortcode -->',
  ].join('\n'),
  'no widget': '<!-- wp:paragraph --><p>Sprechzeiten: Mo–Fr 8–18 Uhr</p><!-- /wp:paragraph -->',
};

/** Screenshots go here when set (`WORDPRESS_SCREENSHOTS=/tmp/shots`), to look at by eye. */
const SHOTS = process.env.WORDPRESS_SCREENSHOTS;

let stack: Stack;
let wp: WordPress;
let admin: BrowserContext;
/** Requests of the site's pages to anyone but the site and the booking backend. */
const foreign: string[] = [];

before(async () => {
  // The site first: its server takes a port of its own, and the backend must know its origin.
  wp = await startWordPress({ pluginZip: wordPressZip(), pages: PAGES });
  stack = await startStack({ embeddingOrigins: [wp.url] });
  admin = await stack.browser.newContext();
});
after(async () => {
  await stack?.close();
  await wp?.close();
});

async function openSitePage(
  url: string,
  width = 1280,
): Promise<{ page: Page; problems: string[] }> {
  const context = await stack.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const own = new Set([wp.url, stack.backendUrl]);
  page.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (/^https?:/.test(origin) && !own.has(origin)) foreign.push(request.url());
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

async function bookings(): Promise<Array<Record<string, unknown>>> {
  const body = (await stack.control('/bookings', undefined, 'GET')) as {
    data: Array<Record<string, unknown>>;
  };
  return body.data;
}

const WORDS = {
  en: { first: 'First name', last: 'Last name', born: 'Date of birth', email: 'Email address' },
  de: { first: 'Vorname', last: 'Nachname', born: 'Geburtsdatum', email: 'E-Mail-Adresse' },
};
const BUTTONS = {
  en: { book: /^Book appointment$/, done: /booked/i, mobile: 'Mobile number' },
  de: { book: /^Termin verbindlich buchen$/, done: /gebucht/i, mobile: 'Handynummer' },
};

/** From the time step on: the first free time, the patient's details, the booking. */
async function bookFromTime(widget: Locator, lang: 'en' | 'de', mobile: boolean): Promise<void> {
  const words = WORDS[lang];
  const buttons = BUTTONS[lang];
  await widget
    .getByRole('button', { name: /^\d{1,2}:\d{2}/ })
    .first()
    .click();
  await widget.getByLabel(words.first).fill('Erika');
  await widget.getByLabel(words.last).fill('Mustermann');
  await widget.getByLabel(words.born).fill('1980-04-12');
  await widget.getByLabel(words.email).fill('erika@example.com');
  if (mobile) await widget.getByLabel(buttons.mobile).fill('+49 151 23456789');
  await widget.getByRole('button', { name: buttons.book }).click();
  await widget.getByRole('heading', { name: buttons.done }).waitFor();
}

describe('WordPress plugin', () => {
  it('is configured through its settings page, whose connection test says what is wrong', async () => {
    const page = await admin.newPage();
    const settings = `${wp.url}/wp-admin/options-general.php?page=patient-booking`;
    await page.goto(`${wp.url}/wp-login.php?redirect_to=${encodeURIComponent(settings)}`);
    await page.getByLabel('Username or Email Address').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('admin-password');
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.waitForURL(settings).catch(async (error: Error) => {
      const text = await page
        .locator('body')
        .innerText({ timeout: 1000 })
        .catch(() => '');
      throw new Error(`${error.message}\nthe page is ${page.url()}:\n${text.slice(0, 800)}`);
    });

    const backend = page.getByLabel('Booking backend');
    const test = async (url: string) => {
      await backend.fill(url);
      // The answer is a new page: the old one (and its result) is marked, so never read.
      await page.evaluate(() => (document.body.dataset.answered = ''));
      await page.getByRole('button', { name: 'Test the connection' }).click();
      const result = page.locator('body:not([data-answered]) .patient-booking-test-result');
      return (await result.innerText()).trim();
    };
    const closed = await freePort();
    assert.match(
      await test(`http://localhost:${closed}/pb/`),
      new RegExp(`^Nothing answers at localhost:${closed}: the booking backend is not running`),
    );
    assert.match(
      await test('ftp://clinic.example/pb/'),
      /is not a web address: it must start with https:\/\//,
    );
    // A test saves nothing, so it warns of nothing unsaved.
    assert.equal(await page.getByText('it was not saved').count(), 0);
    assert.match(
      await test(`${wp.url}/`),
      /answers, but there is no booking backend at http:\/\/localhost:\d+\/\. Check the path/,
    );
    // The address as typed stays in the form, unsaved.
    assert.equal(await backend.inputValue(), `${wp.url}/`);
    // Two backends set up wrong: one that does not list the site, one the portal refuses.
    const files = builtWidget();
    const quiet = { log: () => {}, warn: () => {}, files };
    const portal = { portalUrl: stack.portal, clientId: 'demo-client' };
    const [unlisted, refused] = await Promise.all([
      startBackend({ ...portal, clientSecret: 'demo-secret', allowedOrigins: [] }, quiet),
      startBackend({ ...portal, clientSecret: 'wrong', allowedOrigins: [wp.url] }, quiet),
    ]);
    assert.equal(
      await test(`${unlisted.url}/`),
      `The backend refuses pages of this site: add ${wp.url} to the backend's ALLOWED_ORIGINS.`,
    );
    assert.match(
      await test(`${refused.url}/`),
      /^The backend answers, but the practice's portal does not give it the catalogue \(HTTP \d+\)\. Check the backend's PORTAL_URL, CLIENT_ID and CLIENT_SECRET\.$/,
    );
    await Promise.all([unlisted.close(), refused.close()]);

    assert.equal(
      await test(`${stack.backendUrl}/`),
      "Connected: the backend answers and the practice's catalogue lists 8 insurances.",
    );
    await page.getByLabel('Default language').selectOption('de');
    await page.getByLabel('Theme').selectOption('light');
    await page.getByLabel('Accent colour').fill('#0b6e4f');
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.getByText('Settings saved.').waitFor();
    assert.equal(await backend.inputValue(), `${stack.backendUrl}/`);
    assert.equal(await page.getByLabel('Accent colour').inputValue(), '#0b6e4f');
    if (SHOTS) await screenshots(page, 'settings');
    // Saved, the page lists the practice's ids for shortcodes.
    await page.getByRole('cell', { name: 'Allgemeinmedizin (53)' }).waitFor();
    assert.match(
      await page.locator('.patient-booking-ids').innerText(),
      /Akutsprechstunde \(198\)/,
    );
    // An address that is not http(s) is not saved, and the page says so.
    await backend.fill('ftp://clinic.example/pb/');
    await page.evaluate(() => (document.body.dataset.answered = ''));
    await page.getByRole('button', { name: 'Save Changes' }).click();
    await page.locator('body:not([data-answered])').getByText('it was not saved').waitFor();
    assert.equal(await backend.inputValue(), `${stack.backendUrl}/`);
    await page.close();
  });

  it('books a guest appointment through the shortcode', async () => {
    const before = (await bookings()).length;
    const { page, problems } = await openSitePage(wp.pages.shortcode!);
    const scripts = page.locator('script[src$="/patient-booking.js"]');
    assert.equal(await scripts.count(), 1);
    assert.equal(await scripts.getAttribute('type'), 'module');
    assert.equal(await scripts.getAttribute('src'), `${stack.backendUrl}/patient-booking.js`);
    assert.equal(await scripts.getAttribute('data-no-optimize'), '1');
    const widget = page.locator('patient-booking');
    // The shortcode's language wins; theme and accent come from the settings page.
    assert.equal(await widget.getAttribute('locale'), 'en');
    assert.equal(await widget.getAttribute('theme'), 'light');
    assert.equal(await widget.getAttribute('style'), '--patient-booking-accent: #0b6e4f');

    await widget.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await widget.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await bookFromTime(widget, 'en', true);

    const created = await bookings();
    assert.equal(created.length, before + 1);
    assert.equal(created.at(-1)!.appointment_type_id, 199);
    assert.equal(created.at(-1)!.guest, true);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await page.context().close();
  });

  it('books through the block on a page with two widgets, each with its own options', async () => {
    const before = (await bookings()).length;
    const { page, problems } = await openSitePage(wp.pages['two widgets']!);
    assert.equal(await page.locator('script[src$="/patient-booking.js"]').count(), 1);
    const [block, shortcode] = [
      page.locator('patient-booking').nth(0),
      page.locator('patient-booking').nth(1),
    ];
    assert.equal(await page.locator('patient-booking').count(), 2);
    // The block: the settings page's language; its category and type preselected.
    assert.equal(await block.getAttribute('locale'), 'de');
    assert.equal(await block.getAttribute('appointment-type-id'), '198');
    // The shortcode: its own insurance, language, theme and accent.
    assert.equal(await shortcode.getAttribute('theme'), 'dark');
    assert.equal(await shortcode.getAttribute('style'), '--patient-booking-accent: #8a2be2');
    await shortcode.getByRole('heading', { name: 'Allgemeinmedizin' }).waitFor();
    if (SHOTS) await screenshots(page, 'two-widgets');

    // The insurance asked; below it the preselected type alone, already marked.
    await block.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    const type = block.getByRole('button', { name: /Akutsprechstunde/ });
    assert.equal(await type.getAttribute('aria-pressed'), 'true');
    assert.equal(await block.getByRole('button', { name: /Hausärztliche Beratung/ }).count(), 0);
    await type.click();
    await bookFromTime(block, 'de', false);
    const created = await bookings();
    assert.equal(created.length, before + 1);
    assert.equal(created.at(-1)!.appointment_type_id, 198);
    // The other widget kept its own state.
    assert.equal(await shortcode.getByRole('heading', { name: 'Allgemeinmedizin' }).count(), 1);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await page.context().close();
  });

  it("offers a block whose dropdowns list the practice's catalogue", async () => {
    const page = await admin.newPage();
    await page.goto(`${wp.url}/wp-admin/post-new.php?post_type=page`);
    await page.waitForFunction(() => {
      const w = window as unknown as { wp?: { blocks?: { getBlockType(name: string): unknown } } };
      return !!w.wp?.blocks?.getBlockType('patient-booking/booking');
    });
    await page.evaluate(() => {
      const { wp } = window as unknown as { wp: EditorGlobals };
      wp.data.dispatch('core/editor').editPost({ title: 'From the editor', status: 'publish' });
      wp.data
        .dispatch('core/block-editor')
        .insertBlocks(wp.blocks.createBlock('patient-booking/booking', {}));
    });
    // The sidebar's dropdowns come from the plugin's REST route, which asks the backend.
    await page.getByLabel('Appointment category').selectOption({ label: 'Impfungen' });
    const types = page.getByLabel('Appointment type').locator('option');
    assert.deepEqual(await types.allTextContents(), [
      'The patient chooses',
      'Grippeschutzimpfung',
      'Reiseimpfberatung',
    ]);
    await page.getByLabel('Appointment type').selectOption({ label: 'Grippeschutzimpfung' });
    await page.getByLabel('Theme').selectOption('dark');
    if (SHOTS) await screenshots(page, 'editor');
    const url = await page.evaluate(async () => {
      const { wp } = window as unknown as { wp: EditorGlobals };
      await wp.data.dispatch('core/editor').savePost();
      const editor = wp.data.select('core/editor');
      return editor.didPostSaveRequestSucceed() ? editor.getPermalink() : 'not saved';
    });
    const html = await (await fetch(url)).text();
    assert.match(
      html,
      /<patient-booking locale="de" theme="dark" appointment-category-id="55" appointment-type-id="202" style="--patient-booking-accent: #0b6e4f"><\/patient-booking>/,
    );
    await page.close();
    // Without a signed-in editor, the route says no.
    const anonymous = await fetch(`${wp.url}/?rest_route=/patient-booking/v1/catalogue`);
    assert.equal(anonymous.status, 401);
  });

  it('loads nothing on pages without a widget', async () => {
    const html = await (await fetch(wp.pages['no widget']!)).text();
    assert.match(html, /Sprechzeiten/);
    assert.doesNotMatch(html, /patient-booking/);
  });

  it('drops hostile values, speaks German, leaves no PHP notice; uninstall removes its settings', async () => {
    // A German site (WordPress's own German files are not installed, so the locale is set by a
    // filter before WordPress loads): the plugin's strings and its block's title.
    const german = await wp.php(
      `echo __('Test the connection', 'patient-booking'), ' / ',
        WP_Block_Type_Registry::get_instance()->get_registered('patient-booking/booking')->title;`,
      `$wp_filter = ['locale' => [10 => [['function' => fn () => 'de_DE', 'accepted_args' => 1]]]];`,
    );
    assert.equal(german, 'Verbindung testen / Terminbuchung');
    // Every value is checked: markup, script and style in attributes are dropped, not escaped in.
    const hostile = await wp.php(
      `echo do_shortcode('[patient_booking locale="en><script>alert(1)</script>" theme="dark onload=x" accent="red;background:url(x)" type_id="1 onclick=x" category_id="<b>" mode="popup onclick=x"]');`,
    );
    assert.equal(
      hostile,
      '<div class="patient-booking-shortcode"><patient-booking locale="de" theme="light" style="--patient-booking-accent: #0b6e4f"></patient-booking></div>',
    );
    // The mode passes through the shortcode and the block, checked like every value.
    const modes = await wp.php(
      `echo do_shortcode('[patient_booking mode="popup"]'), render_block(parse_blocks('<!-- wp:patient-booking/booking {"mode":"floating"} /-->')[0]);`,
    );
    assert.match(modes, /<patient-booking [^>]*mode="popup"/);
    assert.match(modes, /<patient-booking [^>]*mode="floating"/);
    const log = await wp.debugLog();
    assert.doesNotMatch(log, /plugins\/patient-booking\//, log);
    const left = await wp.php(`
      require_once ABSPATH . 'wp-admin/includes/plugin.php';
      deactivate_plugins('patient-booking/patient-booking.php');
      uninstall_plugin('patient-booking/patient-booking.php');
      echo wp_json_encode(get_option('patient_booking_settings', 'none'));`);
    assert.equal(left, '"none"');
  });
});

/** What the editor test uses of WordPress's globals. */
interface EditorGlobals {
  blocks: { createBlock(name: string, attributes: object): unknown };
  data: {
    dispatch(store: string): {
      editPost(edits: object): void;
      insertBlocks(blocks: unknown): void;
      savePost(): Promise<void>;
    };
    select(store: string): { getPermalink(): string; didPostSaveRequestSucceed(): boolean };
  };
}

/** The page at 1280 and 375 px wide, whole, into SHOTS. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS!, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS!, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
