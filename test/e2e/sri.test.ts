// Subresource Integrity, as a practice that loads the widget from a CDN pins it: the entry with
// `integrity`, every lazily loaded chunk with the import map's `integrity` (hashes from
// dist/sri.json). The pinned widget books; a chunk that does not match its hash is not run.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startStack, type Stack } from '../support/stack.js';
import { bookAsGuest, html, open } from '../support/embed-pages.js';

let stack: Stack;
let sri: Record<string, string>;
before(async () => {
  stack = await startStack();
  sri = JSON.parse(await readFile(resolve('dist/sri.json'), 'utf8')) as Record<string, string>;
});
after(() => stack?.close());
beforeEach(() => stack.control('/reset'));

/** A page pinning the widget by the manifest's hashes; `tamper` names files given a wrong hash. */
function pinnedPage(path: string, tamper: (file: string) => boolean = () => false): string {
  const base = `${stack.web.origin}/dist/`;
  const integrity = Object.fromEntries(
    Object.entries(sri)
      .filter(([file]) => file.startsWith('chunks/'))
      .map(([file, hash]) => [`${base}${file}`, tamper(file) ? `sha384-${'A'.repeat(64)}` : hash]),
  );
  stack.web.page(
    path,
    html(`<script type="importmap">${JSON.stringify({ imports: {}, integrity })}</script>
<script type="module" src="${base}patient-booking.js" integrity="${sri['patient-booking.js']}" crossorigin="anonymous"></script>
<patient-booking locale="en"></patient-booking>`),
  );
  return `${stack.web.origin}${path}`;
}

describe('subresource integrity', () => {
  it('dist/sri.json holds the sha384 of every script the build wrote', async () => {
    assert.ok(sri['patient-booking.js'] && sri['embed.js'], 'the entries are listed');
    assert.ok(
      Object.keys(sri).some((f) => f.startsWith('chunks/steps-')),
      'the chunks too',
    );
    for (const [file, hash] of Object.entries(sri)) {
      const body = await readFile(resolve('dist', file));
      const actual = `sha384-${createHash('sha384').update(body).digest('base64')}`;
      assert.equal(actual, hash, file);
    }
  });

  it('a page that pins the entry and every chunk books as usual', async () => {
    const { page, context, problems } = await open(stack.browser, pinnedPage('/sri.html'));
    await bookAsGuest(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("a chunk that does not match the page's hash is not run", async () => {
    const url = pinnedPage('/sri-tampered.html', (file) => file.startsWith('chunks/steps-'));
    const { page, context, problems } = await open(stack.browser, url);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    // The next step's code is refused: the widget says it could not load, and offers Retry.
    await page.getByRole('alert').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /Hausärztliche Beratung/ }).count(), 0);
    assert.ok(
      problems.some((p) => /integrity/i.test(p)),
      `the browser names the integrity check: ${JSON.stringify(problems)}`,
    );
    await context.close();
  });
});
