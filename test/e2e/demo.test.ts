// `npm start` as a person uses it: the command itself (on free ports: sandbox, backend, the demo
// site with /pb/ passed to the backend), then the demo pages in Chromium. The main page books a
// guest and signs a patient in (the callback beside the widget, under /pb/) and logs the events;
// every embedding demo shows the widget without a console error; the strict-CSP demo without a
// single violation; and no page talks to anything but its own origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chrome-path.js';
import { bookAsGuest, open, seen } from '../support/embed-pages.js';
import { axe } from '../support/popup.js';
import { freePort } from '../support/free-port.js';
import { signIn } from '../support/login.js';

/** Ports of its own, so the tests run beside a developer's `npm start`. */
const ports = { sandbox: 0, backend: 0, demo: 0 };
let DEMO = '';
let server: ChildProcess;
let output = '';
let browser: Browser;
const outDir = mkdtempSync(join(tmpdir(), 'pb-start-'));

before(async () => {
  ports.sandbox = await freePort();
  ports.backend = await freePort();
  ports.demo = await freePort();
  DEMO = `http://localhost:${ports.demo}`;
  server = spawn('npm', ['start'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SANDBOX_PORT: String(ports.sandbox),
      BACKEND_PORT: String(ports.backend),
      DEMO_PORT: String(ports.demo),
      // Its own build: the other tests read dist/ meanwhile.
      START_OUT_DIR: outDir,
    },
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!output.includes('Press Ctrl+C to stop.')) {
    if (server.exitCode !== null || Date.now() - started > 60_000) {
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM'); // npm, tsx and the servers: the whole group
    await exited;
  }
  rmSync(outDir, { recursive: true, force: true });
});

/** Console lines that are not errors: Lit's dev-mode note, Vite's connection messages. */
const realProblems = (problems: string[]) => problems.filter((p) => !/\[vite\]/.test(p));

describe('npm start', () => {
  it('prints the URLs', () => {
    assert.ok(output.includes(`Demo page         ${DEMO}/`), output);
    assert.ok(output.includes(`Booking backend   ${DEMO}/pb/`), output);
    assert.ok(output.includes(`Sandbox portal    http://localhost:${ports.sandbox}`), output);
  });

  it('the demo page: a guest books in English, the events are logged, then a patient signs in', async () => {
    const { context, page, problems } = await open(browser, `${DEMO}/`);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    await page.locator('#demo-locale').selectOption('en');
    await page.getByRole('heading', { name: 'What do you need?' }).waitFor();
    await bookAsGuest(page);
    const log = page.locator('#demo-events-log');
    await log.getByText('booking-confirmed').waitFor();
    assert.match((await log.textContent()) ?? '', /"guest": true/);

    await page.getByRole('button', { name: 'Book another appointment' }).click();
    await signIn(page);
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  for (const path of ['/demo/script-tag.html', '/demo/cms.html', '/demo/configurator.html']) {
    it(`${path} shows the widget`, async () => {
      const { context, page, problems } = await open(browser, `${DEMO}${path}`);
      await page
        .getByRole('radio', { name: /Techniker Krankenkasse/ })
        .first()
        .waitFor();
      assert.deepEqual(realProblems(problems), []);
      await context.close();
    });
  }

  it('/demo/configurator.html writes the WordPress shortcode with the chosen options', async () => {
    const { context, page, problems } = await open(browser, `${DEMO}/demo/configurator.html`);
    await page.getByLabel('Language').selectOption('tr');
    await page.getByLabel('Insurance', { exact: true }).selectOption('136');
    await page.getByRole('radio', { name: /WordPress/ }).check();
    await page
      .locator('#snippet', { hasText: '[patient_booking locale="tr" insurance_id="136"]' })
      .waitFor();
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  it('/demo/configurator.html: the catalogue as dropdowns, the accent live, the connection tested, the address checked', async () => {
    const { context, page, problems } = await open(browser, `${DEMO}/demo/configurator.html`);
    const insurance = page.getByLabel('Insurance', { exact: true });
    const category = page.getByLabel('Appointment category');
    const type = page.getByLabel('Appointment type');
    // Filled from the sandbox through the backend under /pb/.
    await insurance
      .locator('option', { hasText: 'Techniker Krankenkasse (136)' })
      .waitFor({ state: 'attached' });
    await insurance.selectOption('136');
    await category
      .locator('option', { hasText: 'Allgemeinmedizin (53)' })
      .waitFor({ state: 'attached' });
    await category.selectOption('53');
    await type.locator('option[value="199"]').waitFor({ state: 'attached' });
    await type.selectOption('199');
    await page.getByLabel('Accent colour').fill('#8a1c4a');

    const snippet = page.locator('#snippet');
    await snippet.filter({ hasText: 'appointment-type-id="199"' }).waitFor();
    const code = (await snippet.textContent()) ?? '';
    assert.match(code, /insurance-id="136"/);
    assert.match(code, /appointment-category-id="53"/);
    assert.match(code, /patient-booking \{\s*--patient-booking-accent: #8a1c4a;/);
    assert.match(code, new RegExp(`src="${DEMO}/pb/patient-booking.js"`));

    // The preview's element: the three ids, and the accent as the widget's styles see it.
    const widget = page.locator('#preview-area patient-booking[appointment-type-id="199"]');
    await widget.waitFor({ state: 'attached' });
    assert.equal(await widget.getAttribute('insurance-id'), '136');
    assert.equal(
      await widget.evaluate((el) =>
        getComputedStyle(el).getPropertyValue('--patient-booking-accent').trim(),
      ),
      '#8a1c4a',
    );

    // The iframe takes no page CSS: no <style> in its snippet, and the page says so.
    await page.getByRole('radio', { name: /Iframe/ }).check();
    await snippet.filter({ hasText: 'data-appointment-type-id="199"' }).waitFor();
    assert.doesNotMatch((await snippet.textContent()) ?? '', /<style>/);
    await page.getByText('The iframe mode takes the theme and the frame only').waitFor();
    await page.getByRole('radio', { name: /WordPress/ }).check();
    await snippet.filter({ hasText: 'type_id="199" accent="#8a1c4a"]' }).waitFor();

    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          /^OK: the booking backend answers and its catalogue lists \d+ insurances; the practice's phone: 030 1234567\.$/,
      })
      .waitFor();

    const base = page.getByLabel('Booking backend');
    await base.fill(`${DEMO}/pb`);
    await page.getByText('The address must be a folder ending in /').waitFor();
    assert.equal(await base.getAttribute('aria-invalid'), 'true');
    await base.fill('ftp://clinic.example/pb/');
    await page.getByText('The address must start with https:// (or http://).').waitFor();
    await base.fill(`${DEMO}/pb/`);
    assert.equal(await base.getAttribute('aria-invalid'), 'false');

    assert.deepEqual(await axe(page, 'configurator', 'body'), []);
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  it('/demo/iframe.html shows the widget in its cross-origin iframe', async () => {
    const { context, page, problems } = await open(browser, `${DEMO}/demo/iframe.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });

  it('/demo/strict-csp.html books without a single CSP violation', async () => {
    const { context, page, problems } = await open(browser, `${DEMO}/demo/strict-csp.html`);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    const policy = (await fetch(`${DEMO}/demo/strict-csp.html`)).headers.get(
      'content-security-policy',
    );
    assert.match(policy ?? '', /script-src 'self'/);
    assert.doesNotMatch(policy ?? '', /unsafe-inline|unsafe-eval/);
    await page.locator('patient-booking').evaluate((el) => el.setAttribute('locale', 'en'));
    await bookAsGuest(page);
    assert.deepEqual((await seen(page)).violations, []);
    await page.getByText('CSP violations on this page: 0').waitFor();
    assert.deepEqual(realProblems(problems), []);
    await context.close();
  });
});
