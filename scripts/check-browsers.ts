// Fails early, with one sentence, when a browser or server the tests need is missing.
import { existsSync } from 'node:fs';
import { chromePath } from './chrome-path.js';

// the same paths as in scripts/chrome-path.ts, web-test-runner.config.mjs, scripts/webdriver.mjs and
// test/support/engines/firefox.ts
const programs = [
  {
    name: "Chromium's headless shell",
    path: chromePath(),
    pkg: 'chromium-headless-shell',
    env: 'CHROME_PATH',
  },
  {
    name: 'Firefox ESR',
    path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    pkg: 'firefox-esr',
    env: 'FIREFOX_PATH',
  },
  { name: 'WebKitWebDriver (WebKit)', path: '/usr/bin/WebKitWebDriver', pkg: 'webkit2gtk-driver' },
  { name: "Xvfb (WebKit's display)", path: '/usr/bin/Xvfb', pkg: 'xvfb' },
  // test/support/wordpress.ts: the WordPress plugin's test runs a real WordPress.
  { name: 'WordPress', path: '/usr/share/wordpress/wp-settings.php', pkg: 'wordpress' },
  {
    name: "WordPress's default theme",
    path: '/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css',
    pkg: 'wordpress-theme-twentytwentythree',
  },
  { name: 'MariaDB', path: '/usr/sbin/mariadbd', pkg: 'mariadb-server' },
  { name: 'PHP', path: '/usr/bin/php', pkg: 'php-cli' },
];

const missing = programs.filter((program) => !existsSync(program.path));
if (missing.length > 0) {
  const list = (parts: string[]) =>
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const one = missing.length === 1;
  const envs = missing.flatMap(({ env }) => (env ? [env] : []));
  console.error(
    `The tests need ${list(missing.map(({ name, path }) => `${name} at ${path}`))}, which ` +
      `${one ? 'is' : 'are'} missing: install Debian's ${one ? 'package' : 'packages'} with ` +
      `"apt-get install ${missing.map(({ pkg }) => pkg).join(' ')}"` +
      (envs.length > 0
        ? `, or point ${list(envs)} at ${envs.length === 1 ? 'another binary' : 'others'}.`
        : '.'),
  );
  process.exit(1);
}
