// Layout checks shared by the booking views' and the account views' tests: every view fits a
// 320 px screen in both languages and stays accessible in a dark theme; focus is visible.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';

/** A host page's dark palette, set through the widget's custom properties. */
export const DARK_THEME = [
  '--patient-booking-text: #e6edf3',
  '--patient-booking-surface: #0d1117',
  '--patient-booking-accent: #58a6ff',
  '--patient-booking-muted: #9da7b3',
  '--patient-booking-border: #6e7681',
  '--patient-booking-danger: #ff7b72',
  '--patient-booking-focus-color: #f2cc60',
  'background: #0d1117',
].join(';');

export type View = [label: string, render: (t: typeof de) => TemplateResult];

/** For each view: fits 320 px without horizontal scrolling (de and en); axe-clean in dark. */
export function layoutTests(views: View[], tag: (label: string) => string): void {
  for (const [label, view] of views) {
    it(`<${tag(label)}> fits 320 px without horizontal scrolling`, async () => {
      for (const t of [de, en]) {
        const el = await fixture<LitElement>(view(t));
        el.style.width = '320px';
        const left = el.getBoundingClientRect().left;
        const wide = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
          .filter((node) => node.getBoundingClientRect().right - left > 320.5)
          .map((node) => node.outerHTML.slice(0, 60));
        expect(wide, `${label} (${t.widget.title})`).to.deep.equal([]);
        expect(el.scrollWidth).to.be.at.most(320);
      }
    });

    it(`<${tag(label)}> is readable in a dark theme`, async () => {
      const el = await fixture<LitElement>(view(en));
      el.setAttribute('style', DARK_THEME);
      await expect(el).shadowDom.to.be.accessible();
    });
  }
}

/**
 * Keyboard focus on `button`, the first control of its element's shadow root, shows a solid outline
 * at least 2 px wide. The focus comes from the Tab key, as a keyboard user's does: after a script's
 * focus(), engines differ on :focus-visible.
 */
export async function expectVisibleFocus(button: HTMLElement): Promise<void> {
  const host = (button.getRootNode() as ShadowRoot).host;
  const before = document.createElement('button');
  host.before(before);
  try {
    before.focus();
    await sendKeys({ press: 'Tab' });
  } finally {
    before.remove();
  }
  expect(host.shadowRoot!.activeElement).to.equal(button);
  const style = getComputedStyle(button);
  expect(button.matches(':focus-visible')).to.equal(true);
  expect(style.outlineStyle).to.equal('solid');
  expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
}
