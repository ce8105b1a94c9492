// WebKit for the browser tests: Debian's WebKitGTK (its MiniBrowser), driven over W3C WebDriver by
// WebKitWebDriver (package webkit2gtk-driver) on a private Xvfb display (package xvfb). The launcher
// starts both itself and stops them when the run ends; one page, one test file at a time.
import { exited, keyValue, startDriver, startXvfb, WebDriverSession } from './webdriver.mjs';

/**
 * The test runner's launcher for WebKit. Test files run one after another (WebDriver has one
 * keyboard), each in an iframe of 800 × 600 px like the other launchers' pages: MiniBrowser's window
 * cannot get narrower than its toolbar (447 px), a frame can, so set-viewport sizes the frame.
 */
class WebKitLauncher {
  name = 'WebKit';
  type = 'webkit-webdriver';
  concurrency = 1;
  #children = [];
  #urls = new Map();
  #display;
  #driver;
  #base;
  #page;
  #config;

  async initialize(config) {
    this.#config = config;
    // wtr runs its own command plugins before the configured ones, and they know no key down/up
    // nor viewport sizes over WebDriver: this launcher's commands go first.
    config.plugins.unshift(webkitCommands(this));
    process.once('exit', () => {
      this.#children.forEach((child) => child.kill());
      this.#driver?.child.kill();
    });
    this.#display = await startXvfb(this.#children);
    await this.#startDriver();
  }

  /** Starts WebKitWebDriver (which starts MiniBrowser for the session). */
  async #startDriver() {
    this.#driver = await startDriver(this.#display);
    this.#base = this.#driver.base;
    this.#page = undefined;
  }

  /**
   * After WebKit or its driver died (WebKitGTK's web process can crash on a long run): says so with
   * the driver's last output, and starts a new driver and browser for the next test file.
   */
  async #restart(error) {
    const { child } = this.#driver;
    const exit = child.exitCode ?? child.signalCode;
    console.error(
      `WebKit failed (${error.message}; driver ${exit === null ? 'running' : `exited: ${exit}`}); ` +
        `starting it anew. The driver's last output:\n${this.#driver.log()}`,
    );
    await this.#driver.stop();
    await this.#startDriver();
  }

  /** The browser with its page: the test runner's page for tests in iframes, and one iframe. */
  page(origin) {
    this.#page ??= (async () => {
      const session = await WebDriverSession.create(this.#base, {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { args: ['--automation'] },
      });
      await session.command('POST', '/url', { url: `${origin}/?mode=iframe` });
      await session.execute(`
        const frame = document.createElement('iframe');
        frame.id = 'test';
        document.body.append(frame);`);
      await this.setViewport(800, 600, session);
      return session;
    })();
    return this.#page;
  }

  /** The frame's size, width × height CSS px: the test page's viewport. */
  async setViewport(width, height, page) {
    page ??= await this.#page;
    const [innerWidth, innerHeight, dx, dy] = await page.execute(
      'return [innerWidth, innerHeight, outerWidth - innerWidth, outerHeight - innerHeight]',
    );
    if (width > innerWidth || height > innerHeight) {
      const rect = {
        width: Math.max(width, innerWidth) + dx,
        height: Math.max(height, innerHeight) + dy,
      };
      await page.command('POST', '/window/rect', rect);
    }
    const size = await page.execute(
      `const frame = document.getElementById('test');
      frame.style.width = arguments[0] + 'px';
      frame.style.height = arguments[1] + 'px';
      return [frame.contentWindow.innerWidth, frame.contentWindow.innerHeight];`,
      width,
      height,
    );
    if (size[0] !== width || size[1] !== height) {
      throw new Error(`WebKit's test frame is ${size.join(' × ')} px, not ${width} × ${height}`);
    }
  }

  async startSession(sessionId, url) {
    this.#urls.set(sessionId, url);
    const open = async () => {
      const page = await this.page(new URL(url).origin);
      await page.execute(`document.getElementById('test').src = arguments[0];`, url);
    };
    try {
      await open();
    } catch (error) {
      await this.#restart(error);
      await open();
    }
  }

  isActive(sessionId) {
    return this.#urls.has(sessionId);
  }

  getBrowserUrl(sessionId) {
    return this.#urls.get(sessionId);
  }

  /** The test file's results have arrived by now; a browser that dies here only needs a new start. */
  async stopSession(sessionId) {
    this.#urls.delete(sessionId);
    try {
      const page = await this.#page;
      // release held keys, then leave the test page so that none of its timers keeps running
      await page.command('DELETE', '/actions');
      const testCoverage = await page.executeAsync(
        `const [coverage, done] = arguments;
        const frame = document.getElementById('test');
        const result = coverage ? frame.contentWindow.__coverage__ : undefined;
        frame.addEventListener('load', () => done(result), { once: true });
        frame.src = 'about:blank';`,
        Boolean(this.#config.coverage),
      );
      return { testCoverage };
    } catch (error) {
      await this.#restart(error);
      return {};
    }
  }

  async startDebugSession() {
    throw new Error('WebKit runs on a virtual display here; debug the tests in Chromium');
  }

  async stop() {
    await this.#page?.then((page) => page.delete()).catch(() => undefined);
    await this.#driver?.stop();
    for (const child of this.#children.reverse()) {
      child.kill();
      await exited(child);
    }
  }
}

/** The wtr commands (@web/test-runner-commands) that WebKit's tests use, over WebDriver. */
function webkitCommands(launcher) {
  return {
    name: 'webkit-commands',
    async executeCommand({ command, payload, session }) {
      if (session.browser !== launcher) return undefined;
      const page = await launcher.page();
      if (command === 'send-keys') {
        const { type, press, down, up } = payload;
        const actions =
          type !== undefined
            ? [...type].flatMap((key) => [
                { type: 'keyDown', value: key },
                { type: 'keyUp', value: key },
              ])
            : press !== undefined
              ? [
                  { type: 'keyDown', value: keyValue(press) },
                  { type: 'keyUp', value: keyValue(press) },
                ]
              : down !== undefined
                ? [{ type: 'keyDown', value: keyValue(down) }]
                : [{ type: 'keyUp', value: keyValue(up) }];
        await page.keys(actions);
        return true;
      }
      if (command === 'set-viewport') {
        await launcher.setViewport(payload.width, payload.height);
        return true;
      }
      if (command === 'emulate-media') {
        throw new Error("WebKit's WebDriver cannot emulate media features");
      }
      return undefined;
    },
  };
}

export function webkitLauncher() {
  return new WebKitLauncher();
}
