// Fails early, with one sentence, when the browser the tests need is missing.
import { existsSync } from 'node:fs';
import { chromePath } from './chrome-path.js';

const path = chromePath();
if (!existsSync(path)) {
  console.error(
    `Chromium not found at ${path}. The tests need it: install Debian's "chromium" package ` +
      `(apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
