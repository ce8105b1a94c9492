/**
 * The Chromium the tests drive: CHROME_PATH, then Debian's headless shell (package
 * chromium-headless-shell): Chromium's engine and version without the desktop browser around it,
 * at half the CPU time per end-to-end test of `chromium --headless`.
 */
export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium-headless-shell';
}

/**
 * The Chromium the benchmarks measure: BENCH_CHROME_PATH, then Debian's full browser (package
 * chromium), the program a patient runs.
 */
export function benchChromePath(): string {
  return process.env.BENCH_CHROME_PATH || '/usr/bin/chromium';
}

/** Flags for headless Chromium on a closed-network machine running as root. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Every site in its own process, as in the desktop browser (the headless shell shares one): a
  // cross-origin iframe is its own renderer, with its own DevTools session and CPU throttling.
  '--site-per-process',
];
