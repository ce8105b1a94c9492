// Firefox for the engine smoke: Debian's firefox-esr, headless, driven by puppeteer-core over
// WebDriver BiDi (playwright-core cannot drive a stock Firefox). One page at a time, each in a
// fresh browser context: Firefox slows the timers of background tabs.
import puppeteer, {
  type BrowserContext,
  type ElementHandle,
  type Frame,
  type Page,
} from 'puppeteer-core';
import { DEEP_QUERY, toQuery, type Target } from './deep-query.js';
import {
  bounded,
  dateKeys,
  until,
  untilIn,
  waitingFor,
  type Engine,
  type EnginePage,
  type Scope,
} from './driver.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export async function launchFirefox(): Promise<Engine> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Nothing here reads requests or responses: puppeteer would follow each over BiDi.
    networkEnabled: false,
    // The date field's order (month/day/year) follows the browser's language.
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US' },
  });
  return {
    name: 'Firefox',
    async newPage() {
      const context = await browser.createBrowserContext();
      return new FirefoxPage(await context.newPage(), context);
    },
    close: () => browser.close(),
  };
}

class FirefoxScope implements Scope {
  constructor(
    protected readonly document: () => Frame,
    private readonly selector?: string,
  ) {}

  protected findEnabled(target: Target) {
    return this.find(target, true);
  }

  private async find(target: Target, enabled = false): Promise<ElementHandle<Element> | null> {
    const query = { ...toQuery(target, this.selector), enabled };
    const handle = await this.document().evaluateHandle(`${DEEP_QUERY}(${JSON.stringify(query)})`);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) await handle.dispose();
    return element;
  }

  async click(target: Target): Promise<void> {
    await untilIn(this, `click ${waitingFor(target)}`, async () => {
      const element = await this.find(target, true);
      if (!element) return false;
      await element.click();
      return true;
    });
  }

  async type(label: Target, value: string): Promise<void> {
    const field = await untilIn(this, `type into ${waitingFor(label)}`, () =>
      this.find(label, true),
    );
    const [type, height] = await field.evaluate(
      (el) => [(el as HTMLInputElement).type, el.getBoundingClientRect().height] as const,
    );
    // A date field is typed from its first part (month), with the separators.
    await field.click(type === 'date' ? { offset: { x: 4, y: height / 2 } } : {});
    const keys = type === 'date' ? dateKeys(value, ['month', 'day', 'year'], '/') : value;
    await this.document().page().keyboard.type(keys);
    const got = await field.evaluate((el) => (el as HTMLInputElement).value);
    if (got !== value) throw new Error(`${waitingFor(label)} has "${got}", not "${value}"`);
  }

  async waitFor(target: Target): Promise<void> {
    await untilIn(this, waitingFor(target), () => this.isVisible(target));
  }

  async isVisible(target: Target): Promise<boolean> {
    const element = await this.find(target);
    await element?.dispose();
    return element !== null;
  }

  async textOf(target: Target): Promise<string> {
    const element = await untilIn(this, waitingFor(target), () => this.find(target));
    return element.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  evaluate<T>(expression: string, ...args: unknown[]): Promise<T> {
    return this.document().evaluate(
      `(function () { ${expression} }).apply(null, ${JSON.stringify(args)})`,
    ) as Promise<T>;
  }

  within(selector: string): Scope {
    return new FirefoxScope(this.document, selector);
  }
}

class FirefoxPage extends FirefoxScope implements EnginePage {
  private readonly gone: Promise<void>;

  constructor(
    private readonly page: Page,
    private readonly context?: BrowserContext,
  ) {
    super(() => page.mainFrame());
    this.gone = new Promise((resolve) => page.once('close', () => resolve()));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async frame(selector: string, urlPrefix: string): Promise<Scope> {
    const frame = await until(`the frame ${selector} at ${urlPrefix}`, async () => {
      const element = await this.page.$(selector);
      const frame = await element?.contentFrame();
      return frame?.url().startsWith(urlPrefix) ? frame : null;
    });
    return new FirefoxScope(() => frame);
  }

  async popup(open: () => Promise<void>): Promise<EnginePage> {
    const opened = new Promise<Page | null>((resolve) => this.page.once('popup', resolve));
    await open();
    const popup = await bounded('a popup window', opened);
    if (!popup) throw new Error('the popup closed at once');
    return new FirefoxPage(popup);
  }

  closed(): Promise<void> {
    return bounded('the window to close', this.gone);
  }

  async clickToClose(target: Target): Promise<void> {
    const element = await until(waitingFor(target), () => this.findEnabled(target));
    // The window may close before the click's answer arrives.
    await Promise.race([element.click().catch(() => {}), this.gone]);
    await this.closed();
  }

  async close(): Promise<void> {
    await (this.context ? this.context.close() : this.page.close());
  }
}
