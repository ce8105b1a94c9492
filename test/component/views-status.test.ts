import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import type { PbStatus } from '../../src/views/shared/status.js';
import '../../src/views/index.js';

describe('<pb-status>', () => {
  it('shows loading as a status', async () => {
    const el = await fixture<PbStatus>(html`<pb-status .t=${de}></pb-status>`);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain(de.common.loading);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows an error with Retry', async () => {
    const el = await fixture<PbStatus>(
      html`<pb-status .t=${en} kind="error" message=${en.errors.config}></pb-status>`,
    );
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain(en.errors.config);
    await expect(el).shadowDom.to.be.accessible();
    setTimeout(() => alert.querySelector('button')!.click());
    await oneEvent(el, 'pb-retry');
  });

  it('can leave out Retry and falls back to a generic message', async () => {
    const el = await fixture<PbStatus>(
      html`<pb-status .t=${de} kind="error" .retry=${false}></pb-status>`,
    );
    expect(el.shadowRoot!.textContent).to.contain(de.errors.unknown);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('defines every view tag', () => {
    for (const tag of [
      'pb-choice-step',
      'pb-time-step',
      'pb-details-step',
      'pb-choice-summary',
      'pb-confirmation-step',
      'pb-status',
    ]) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
  });
});
