// What a patient does on the widget during a round-trip measurement (bench/network.ts): when the
// first screen counts as shown, and the steps from there to the confirmation, each with what it
// waits for. English pages; roles and labels only.
import type { Page } from 'playwright-core';
import { chooseInsurance, clickButton, CHOICES, TIME_BUTTON } from './flow.js';
import { PRELOAD_QUERY } from './preload-check.js';
import type { RoundTripsStep } from './round-trips.js';
import { API_PATH, PREFIX } from './stack.js';

/** The first insurance (its radio's label) visible, looked for in every shadow root at each frame. */
export const FIRST_INSURANCE = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'LABEL' && /Techniker Krankenkasse/.test(el.textContent || '')) return el;
      if (el.shadowRoot) { const hit = find(el.shadowRoot); if (hit) return hit; }
    }
    return null;
  };
  const button = find(document);
  return button !== null && button.getClientRects().length > 0;
})()`;

const button = (name: RegExp) => ({
  locator: (page: Page) => page.getByRole('button', { name }),
});

/**
 * From the first screen to the confirmation, each step timed from its click. `pointerMs`: how long
 * the pointer rests on the insurance list before the first click.
 */
export const steps = (pointerMs: number): RoundTripsStep[] => [
  {
    name: 'insurance → its types',
    // A patient reads the list first, the pointer on it: the steps' chunk loads at that pointer
    // (a choice with no pointer before it waits for the chunk, then the types: one more RT).
    prepare: async (page) => {
      await page.getByRole('radio', { name: CHOICES.insurance }).first().hover();
      await page.waitForTimeout(pointerMs);
    },
    act: (page) => chooseInsurance(page),
    until: button(CHOICES.type),
  },
  {
    name: 'type → times',
    act: (page) => clickButton(page, CHOICES.type),
    until: button(TIME_BUTTON),
  },
  {
    name: 'time → details form',
    act: (page) => clickButton(page, TIME_BUTTON),
    until: { locator: (page) => page.getByLabel('First name') },
  },
  {
    name: '"Book appointment" → confirmation',
    prepare: async (page) => {
      await page.getByLabel('First name').fill('Erika');
      await page.getByLabel('Last name').fill('Mustermann');
      await page.getByLabel('Email address').fill('erika@example.com');
      await page.getByLabel('Date of birth').fill('1980-04-12');
      const mobile = page.getByLabel('Mobile number');
      if ((await mobile.count()) > 0) await mobile.fill('+49 151 23456789');
    },
    act: (page) => clickButton(page, /^Book appointment$/),
    until: { locator: (page) => page.getByRole('heading', { name: /booked/i }) },
  },
];

/** The preload hint of docs/embedding.md, for a site whose backend is at `/pb/`. */
export const PRELOAD_HINT = `<link rel="preload" href="${PREFIX}${API_PATH.slice(1)}/insurances${PRELOAD_QUERY}" as="fetch" crossorigin>`;
