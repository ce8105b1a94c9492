// Browser tests (unit + component) in three engines at once: Debian's Chromium (its headless shell,
// as in scripts/chrome-path.ts, over the DevTools protocol) and Firefox ESR (headless, over WebDriver BiDi), both driven by puppeteer-core,
// and WebKitGTK (its MiniBrowser on a private Xvfb display, over WebDriver; scripts/wtr-webkit.mjs).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteer from 'puppeteer-core';
import { webkitLauncher } from './scripts/wtr-webkit.mjs';

const chromium = chromeLauncher({
  concurrency: 2,
  launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium-headless-shell',
    headless: true,
    // No request or response events: nothing here reads them, and they cost CPU per module load.
    networkEnabled: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

// One page at a time: Firefox slows the timers of background tabs, and only the focused window of
// several gets the keyboard.
const firefox = chromeLauncher({
  puppeteer,
  concurrency: 1,
  launchOptions: {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    // Puppeteer would otherwise follow every request over WebDriver BiDi (some 200 module loads a
    // file), which took a third of Firefox's CPU time here (44 → 31 CPU-s for the whole run).
    networkEnabled: false,
  },
});

/**
 * Vite's `import url from './x.ts?worker&url'` (the proof-of-work worker): here the URL of the
 * module itself, which the test server compiles like any other.
 */
function workerUrls() {
  return {
    name: 'worker-url',
    serve(context) {
      if (context.URL.search !== '?worker&url') return undefined;
      const file = JSON.stringify(`.${context.path.slice(context.path.lastIndexOf('/'))}`);
      return { body: `export default new URL(${file}, import.meta.url).href;`, type: 'js' };
    },
  };
}

export default {
  files: ['test/unit/**/*.test.ts', 'test/component/**/*.test.ts'],
  // lit's production build, as the widget ships (no dev-mode checks or warnings).
  nodeResolve: { exportConditions: ['production'] },
  concurrentBrowsers: 3,
  testsFinishTimeout: 240000,
  plugins: [workerUrls(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [chromium, firefox, webkitLauncher()],
  // A test's bound, not a wait: axe over several screens takes 1-2 s in WebKit on a quiet machine and
  // ran past 10 s with the load average at 15 (several suites side by side).
  testFramework: { config: { timeout: 30000 } },
};
