// WebKit for the engine smoke: Debian's WebKitGTK (MiniBrowser), driven over plain W3C WebDriver by
// WebKitWebDriver on a private Xvfb display (scripts/webdriver.mjs). One WebDriver session per page
// (a fresh browser: no cookies from the last one); the session has one current window and frame,
// so every step first switches to its own. WebKit focuses a text field inside a shadow root only on
// a real pointer click (element click does not), and types one key down/up per character.
import type { ChildProcess } from 'node:child_process';
import {
  exited,
  startDriver,
  startXvfb,
  WebDriverSession,
  type Driver,
  type KeyAction,
} from '../../../scripts/webdriver.mjs';
import { DEEP_QUERY, toQuery, type Target } from './deep-query.js';
import {
  dateKeys,
  until,
  untilIn,
  waitingFor,
  type Engine,
  type EnginePage,
  type Scope,
} from './driver.js';

/** Xvfb displays of this smoke: apart from the browser tests' (scripts/wtr-webkit.mjs, from :0). */
const DISPLAYS: [number, number] = [520, 599];

/** A web element reference, as WebDriver passes it. */
type ElementRef = Record<string, string>;

export async function launchWebKit(): Promise<Engine> {
  const children: ChildProcess[] = [];
  let driver: Driver | undefined;
  const stop = async () => {
    await driver?.stop();
    for (const child of children.reverse()) {
      child.kill();
      await exited(child);
    }
  };
  // A test run that ends early leaves no display or driver behind.
  process.once('exit', () => [driver?.child, ...children].forEach((child) => child?.kill()));
  try {
    const display = await startXvfb(children, { displays: DISPLAYS });
    // The date field's order (month/day/year) follows the locale.
    const start = () => startDriver(display, { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' });
    driver = await start();
    const session = () =>
      WebDriverSession.create(driver!.base, {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { args: ['--automation'] },
      });
    return {
      name: 'WebKit',
      async newPage() {
        let created: WebDriverSession;
        try {
          created = await session();
        } catch (error) {
          // WebKitWebDriver now and then never answers a new session under load: a new driver.
          console.error(
            `WebKit gave no session (${(error as Error).message}); starting its driver anew. ` +
              `The driver's last output:\n${driver!.log()}`,
          );
          await driver!.stop();
          driver = await start();
          created = await session();
        }
        const handle = (await created.command('GET', '/window')) as string;
        return new WebKitPage(new Session(created, handle), handle);
      },
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A WebDriver session with the window and frame its commands go to now. */
class Session {
  private frame: string | null = null;

  constructor(
    readonly driver: WebDriverSession,
    private window: string,
  ) {}

  /** Switches to `window` and, in its top document, to the iframe `frame` (null: the top). */
  async enter(window: string, frame: string | null): Promise<void> {
    if (window !== this.window) {
      await this.driver.command('POST', '/window', { handle: window });
      this.window = window;
      this.frame = null;
    }
    if (frame === this.frame) return;
    await this.driver.command('POST', '/frame', { id: null });
    this.frame = null;
    if (frame) {
      const element = await this.driver.command('POST', '/element', {
        using: 'css selector',
        value: frame,
      });
      await this.driver.command('POST', '/frame', { id: element });
      this.frame = frame;
    }
  }

  handles(): Promise<string[]> {
    return this.driver.command('GET', '/window/handles') as Promise<string[]>;
  }

  /** A pointer click at `x` px right of the element's centre (it must be in view). */
  async click(element: ElementRef, x = 0): Promise<void> {
    await this.driver.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', origin: element, x: Math.round(x), y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  async type(text: string): Promise<void> {
    const keys: KeyAction[] = [...text].flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ]);
    await this.driver.keys(keys);
  }
}

class WebKitScope implements Scope {
  constructor(
    protected readonly session: Session,
    protected readonly window: string,
    private readonly frameSelector: string | null = null,
    private readonly selector?: string,
  ) {}

  protected async run<T>(script: string, ...args: unknown[]): Promise<T> {
    await this.session.enter(this.window, this.frameSelector);
    return (await this.session.driver.execute(script, ...args)) as T;
  }

  /**
   * The visible target, scrolled to the middle of the view (pointer actions need it in view): in
   * an iframe, its document scrolls and the top document scrolls the frame there too (WebKit does
   * not scroll a cross-origin frame's parent).
   */
  protected async find(target: Target, enabled = false): Promise<ElementRef | null> {
    const found = await this.run<[ElementRef, number, number] | null>(
      `const el = ${DEEP_QUERY}(arguments[0]);
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const box = el.getBoundingClientRect();
      return [el, box.left + box.width / 2, box.top + box.height / 2];`,
      { ...toQuery(target, this.selector), enabled },
    );
    if (!found || !this.frameSelector) return found?.[0] ?? null;
    const [element, x, y] = found;
    await this.session.enter(this.window, null);
    await this.session.driver.execute(
      `const box = document.querySelector(arguments[0]).getBoundingClientRect();
      scrollBy(box.left + arguments[1] - innerWidth / 2, box.top + arguments[2] - innerHeight / 2);`,
      this.frameSelector,
      x,
      y,
    );
    return element;
  }

  /** A pointer click at `x` px right of the element's centre. */
  protected async pointerClick(element: ElementRef, x = 0): Promise<void> {
    await this.session.enter(this.window, this.frameSelector);
    await this.session.click(element, x);
  }

  /**
   * A pointer click that counts once the element got it: a step that moves just after it appears
   * (its heading takes focus and scrolls into view; an iframe grows) can take the element from
   * under the pointer between finding it and the click, and then it clicks again. A click that
   * left the document (a form sent, a window closed) counts too.
   */
  async click(target: Target): Promise<void> {
    await untilIn(this, `click ${waitingFor(target)}`, async () => {
      const element = await this.find(target, true);
      if (!element) return false;
      const token = `${Date.now()}-${Math.random()}`;
      await this.run(
        `const [el, token] = arguments;
        window.__engineClick = 'armed ' + token;
        el.addEventListener('click', () => (window.__engineClick = token), { once: true, capture: true });`,
        element,
        token,
      );
      await this.pointerClick(element);
      const got = await this.run<unknown>('return window.__engineClick;').catch(() => null);
      return got !== `armed ${token}`;
    });
  }

  async type(label: Target, value: string): Promise<void> {
    const field = await untilIn(this, `type into ${waitingFor(label)}`, () =>
      this.find(label, true),
    );
    const [type, width] = await this.run<[string, number]>(
      'return [arguments[0].type, arguments[0].getBoundingClientRect().width];',
      field,
    );
    // A date field is typed from its first part (month), with the separators: WebKit moves to the
    // next part only on a separator.
    await this.pointerClick(field, type === 'date' ? 4 - width / 2 : 0);
    await this.session.type(
      type === 'date' ? dateKeys(value, ['month', 'day', 'year'], '/') : value,
    );
    const got = await this.run<string>('return arguments[0].value;', field);
    if (got !== value) throw new Error(`${waitingFor(label)} has "${got}", not "${value}"`);
  }

  async waitFor(target: Target): Promise<void> {
    await untilIn(this, waitingFor(target), () => this.isVisible(target));
  }

  async isVisible(target: Target): Promise<boolean> {
    return (
      (await this.run<boolean>(
        `return !!${DEEP_QUERY}(arguments[0]);`,
        toQuery(target, this.selector),
      )) === true
    );
  }

  async textOf(target: Target): Promise<string> {
    return untilIn(this, waitingFor(target), () =>
      this.run<string | null>(
        `const el = ${DEEP_QUERY}(arguments[0]);
        return el && el.textContent.replace(/\\s+/g, ' ').trim();`,
        toQuery(target, this.selector),
      ),
    );
  }

  evaluate<T>(expression: string, ...args: unknown[]): Promise<T> {
    return this.run<T>(expression, ...args);
  }

  within(selector: string): Scope {
    return new WebKitScope(this.session, this.window, this.frameSelector, selector);
  }
}

class WebKitPage extends WebKitScope implements EnginePage {
  constructor(
    session: Session,
    window: string,
    private readonly owner = true,
  ) {
    super(session, window);
  }

  async goto(url: string): Promise<void> {
    await this.session.enter(this.window, null);
    await this.session.driver.command('POST', '/url', { url });
  }

  async frame(selector: string, urlPrefix: string): Promise<Scope> {
    await until(`the frame ${selector} at ${urlPrefix}`, async () => {
      const href = await this.run<string | null>(
        `const frame = document.querySelector(arguments[0]);
        return frame && frame.src;`,
        selector,
      );
      if (!href?.startsWith(urlPrefix)) return false;
      // The frame's own document has loaded (src is only what it was told).
      const scope = new WebKitScope(this.session, this.window, selector);
      return scope.evaluate<boolean>(
        `return location.href.startsWith(arguments[0]) && document.readyState !== 'loading';`,
        urlPrefix,
      );
    });
    return new WebKitScope(this.session, this.window, selector);
  }

  async popup(open: () => Promise<void>): Promise<EnginePage> {
    const before = await this.session.handles();
    await open();
    const handle = await until('a popup window', async () =>
      (await this.session.handles()).find((h) => !before.includes(h)),
    );
    return new WebKitPage(this.session, handle, false);
  }

  async closed(): Promise<void> {
    await until(
      'the window to close',
      async () => !(await this.session.handles()).includes(this.window),
    );
  }

  async clickToClose(target: Target): Promise<void> {
    const element = await untilIn(this, waitingFor(target), () => this.find(target, true));
    // The window may close before the click's answer arrives.
    await this.pointerClick(element).catch(() => {});
    await this.closed();
  }

  async close(): Promise<void> {
    if (this.owner) await this.session.driver.delete();
  }
}
