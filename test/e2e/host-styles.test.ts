// The widget on host pages that style their own root: a theme's `html { font-size: 62.5% }` (common
// in WordPress themes) must not shrink it, and a visitor whose system is dark still gets the light
// widget a light practice site expects, unless the page asks for `theme="auto"` or `"dark"`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axe } from '../support/popup.js';
import { openPage, startStack, type Stack } from '../support/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

/** A page of the practice's site with its own root styles and the widget. */
function hostPage(path: string, rootCss: string, attrs = ''): string {
  stack.web.page(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>${rootCss}</style>
<script type="module" src="/dist/patient-booking.js"></script></head>
<body><p class="host-text">The practice's own text.</p><patient-booking ${attrs}></patient-booking></body></html>`,
  );
  return `${stack.web.origin}${path}`;
}

/** Computed font sizes (px) of the widget's visible texts on the first step, smallest first. */
async function widgetFontSizes(page: Page): Promise<Array<{ text: string; px: number }>> {
  // A string: the test loader would wrap a named inner function in a helper the page lacks.
  return page.evaluate(`(() => {
    const out = [];
    const walk = (root) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const own = Array.from(el.childNodes).some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim(),
        );
        const box = el.getBoundingClientRect();
        if (own && box.width > 0 && box.height > 0 && !el.closest('.vh')) {
          out.push({ text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) });
        }
      }
    };
    walk(document.querySelector('patient-booking').shadowRoot);
    return out.sort((a, b) => a.px - b.px);
  })()`);
}

describe("the widget on a host page's own root styles", () => {
  it('keeps its text size under html { font-size: 62.5% }: body text 16 px, nothing under 12.8 px', async () => {
    const url = hostPage('/root-62.html', 'html { font-size: 62.5%; } body { font-size: 1.6rem; }');
    const { page, context, problems } = await openPage(stack, url);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    const sizes = await widgetFontSizes(page);
    const option = sizes.find((s) => /Techniker Krankenkasse/.test(s.text));
    assert.equal(option?.px, 16, JSON.stringify(sizes));
    assert.ok(sizes[0]!.px >= 12.8, `smallest text: ${JSON.stringify(sizes[0])}`);
    const heading = sizes.find((s) => /^Book an appointment$/.test(s.text));
    assert.equal(heading?.px, 20, JSON.stringify(sizes));
    // The host's own text is as the theme sets it: the widget changed nothing outside itself.
    const hostPx = await page.evaluate(
      () => getComputedStyle(document.querySelector('.host-text')!).fontSize,
    );
    assert.equal(hostPx, '16px');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('draws no card and no visible title with variant="plain", and stays named and axe clean', async () => {
    const url = hostPage('/plain.html', '', 'variant="plain"');
    const { page, context, problems } = await openPage(stack, url);
    await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
    const look = await page.evaluate(`(() => {
      const host = document.querySelector('patient-booking');
      const style = getComputedStyle(host);
      const title = host.shadowRoot.querySelector('h1').getBoundingClientRect();
      return { border: style.borderTopStyle, padding: style.paddingTop, background: style.backgroundColor, title: [title.width, title.height] };
    })()`);
    assert.deepEqual(look, {
      border: 'none',
      padding: '0px',
      background: 'rgba(0, 0, 0, 0)',
      title: [1, 1],
    });
    // The title still names the widget's region for screen readers.
    await page.getByRole('region', { name: 'Book an appointment' }).waitFor();
    assert.deepEqual(await axe(page, 'variant="plain"'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [attrs, expected] of [
    ['', 'light'],
    ['theme="auto"', 'dark'],
    ['theme="dark"', 'dark'],
    ['theme="light"', 'light'],
  ] as const) {
    it(`is ${expected} for a visitor whose system is dark (${attrs || 'no theme'})`, async () => {
      const url = hostPage(`/dark-system-${expected}-${attrs.length}.html`, '', attrs);
      const { page, context } = await openPage(stack, url, { colorScheme: 'dark' });
      await page.getByRole('radio', { name: /Techniker Krankenkasse/ }).waitFor();
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector('patient-booking')!).backgroundColor,
      );
      const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      assert.equal(luminance > 0.5 ? 'light' : 'dark', expected, background);
      await context.close();
    });
  }
});
