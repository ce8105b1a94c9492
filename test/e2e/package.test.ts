// The package for frameworks and CDNs (`npm run build`, scripts/build-package.ts): `exports` with
// types first, React 19's JSX types for `<patient-booking>` (they accept the contract and refuse
// what it does not allow), a React app built by vite whose handlers hear the widget's events
// (through the @lit/react wrapper and through React 19's own custom-element support), and the
// versioned CDN directory, pinned by its sri.json, from another origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { build, type Plugin } from 'vite';
import { startStack, type Stack } from '../support/stack.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { bookAsGuest, html, open, script } from '../support/embed-pages.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  exports: Record<string, string | Record<string, string>>;
};

let stack: Stack;
/** A CDN: another origin, serving dist/cdn/'s files (no backend behind it). */
let cdn: StaticServer;
const work = mkdtempSync(join(tmpdir(), 'pb-package-'));

before(async () => {
  stack = await startStack();
  cdn = await startStaticServer(resolve('.'));
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await cdn?.close();
  await stack?.close();
});

describe('package.json exports', () => {
  it('lists types first, and every target exists after the build', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? { default: target } : target;
      if ('types' in targets)
        assert.equal(Object.keys(targets)[0], 'types', `${entry}: types first`);
      for (const file of Object.values(targets)) assert.ok(existsSync(file), `${entry}: ${file}`);
    }
    assert.ok(pkg.exports['.'] && pkg.exports['./react'] && pkg.exports['./jsx']);
  });

  it('resolves by the package name (self-reference, as an app resolves it)', () => {
    for (const [name, file] of [
      ['patient-booking', 'dist/patient-booking.js'],
      ['patient-booking/react', 'dist/react.js'],
    ]) {
      assert.equal(import.meta.resolve(name!), `file://${resolve(file!)}`);
    }
  });
});

/** Type-checks `source` (TSX) against the built declarations; the diagnostics' texts. */
function typeErrors(source: string): string[] {
  const file = join(work, `check-${createHash('sha1').update(source).digest('hex')}.tsx`);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    experimentalDecorators: true,
    useDefineForClassFields: false,
    typeRoots: [resolve('node_modules/@types')],
    types: ['react'],
    paths: { 'patient-booking/*': [resolve('dist/types/*')] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('types for React', () => {
  it('JSX (React 19): the contract type-checks, with typed event details', () => {
    const errors = typeErrors(`import type {} from 'patient-booking/jsx';
export const ok = (
  <patient-booking
    locale="de" theme="dark" backend="https://clinic.example/pb/" insurance-id="136"
    onbooking-confirmed={(e) => e.detail.appointmentId.toUpperCase()}
    onbooking-error={(e) => e.detail.setting ?? e.detail.code}
  />
);`);
    assert.deepEqual(errors, []);
  });

  it('JSX (React 19): a theme or a detail field the contract lacks does not', () => {
    const errors = typeErrors(`import type {} from 'patient-booking/jsx';
export const wrong = <patient-booking theme="neon" onbooking-confirmed={(e) => e.detail.patientName} />;`);
    assert.equal(errors.length, 2, JSON.stringify(errors));
  });

  it('the @lit/react wrapper (React ≤ 18): typed props and events', () => {
    const source = `import { PatientBooking } from 'patient-booking/react/patient-booking-react.js';
export const ok = <PatientBooking locale="en" onBookingStepChange={(e) => e.detail.step} />;
export const wrong = <PatientBooking onBookingStepChange={(e) => e.detail.nothing} />;`;
    const errors = typeErrors(source);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0]!, /nothing/);
  });
});

/** The wrapper's import of the element becomes the backend's copy (as an app would load it). */
function elementFromBackend(url: string): Plugin {
  return {
    name: 'element-from-backend',
    enforce: 'pre',
    resolveId: (id, importer) =>
      id === './patient-booking.js' && importer?.endsWith('/dist/react.js')
        ? { id: url, external: true }
        : null,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a React app built by vite', () => {
  it('renders the widget; its events reach React handlers (wrapper and element)', async () => {
    const out = join(work, 'react-app');
    const element = `${stack.web.origin}/dist/patient-booking.js`;
    await build({
      configFile: false,
      logLevel: 'warn',
      root: resolve('test/e2e/react-app'),
      base: '/react-app/',
      plugins: [elementFromBackend(element)],
      resolve: { alias: { 'patient-booking/react': resolve('dist/react.js') } },
      build: { outDir: out, emptyOutDir: true, target: 'es2022' },
    });
    // The app's bundle has React and the wrapper; the element comes from the backend.
    const bundle = filesUnder(out).filter((f) => f.endsWith('.js'));
    const code = bundle.map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.ok(code.includes(`from"${element}"`), 'the element is imported from the backend');
    assert.ok(!code.includes('customElements.define('), 'and not bundled into the app');
    for (const file of filesUnder(out)) {
      const path = `/react-app/${relative(out, file).split('\\').join('/')}`;
      const body = readFileSync(file, 'utf8');
      if (file.endsWith('.js')) script(stack.web, path, body);
      else stack.web.page(path, body);
    }
    const { page, context, problems } = await open(
      stack.browser,
      `${stack.web.origin}/react-app/index.html`,
    );
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    await page.locator('#wrapped-step', { hasText: 'wrapper: type' }).waitFor();
    // The element, its insurance preselected, says its first screen through React 19's listener.
    await page.locator('#native-step', { hasText: 'element: type' }).waitFor();
    const wrapped = page.locator('#wrapped');
    await wrapped.getByRole('radio', { name: /Techniker Krankenkasse/ }).check();
    await wrapped.getByRole('button', { name: /Hausärztliche Beratung/ }).click();
    await page.locator('#wrapped-step', { hasText: 'wrapper: time' }).waitFor();
    assert.deepEqual(missing, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the versioned CDN directory', () => {
  const dir = resolve('dist/cdn', pkg.version);
  const sri = () =>
    JSON.parse(readFileSync(join(dir, 'sri.json'), 'utf8')) as Record<string, string>;

  it(`dist/cdn/${pkg.version}/ holds the widget's files and the sha384 of each script`, () => {
    const hashes = sri();
    for (const file of ['patient-booking.js', 'embed.js', 'embed.html', 'callback.html']) {
      assert.ok(existsSync(join(dir, file)), file);
    }
    assert.ok(Object.keys(hashes).some((f) => f.startsWith('chunks/steps-')));
    for (const [file, hash] of Object.entries(hashes)) {
      const digest = createHash('sha384')
        .update(readFileSync(join(dir, file)))
        .digest('base64');
      assert.equal(`sha384-${digest}`, hash, file);
    }
  });

  it('a page pins the widget from the CDN (another origin) and books through its backend', async () => {
    // Served as a CDN serves it: with CORS (module scripts and integrity need it).
    for (const file of filesUnder(dir)) {
      const path = `/pb/${pkg.version}/${relative(dir, file).split('\\').join('/')}`;
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
      cdn.page(path, readFileSync(file, 'utf8'), {
        'content-type': `${type}; charset=utf-8`,
        'access-control-allow-origin': '*',
      });
    }
    const base = `${cdn.origin}/pb/${pkg.version}/`;
    const integrity = Object.fromEntries(
      Object.entries(sri())
        .filter(([file]) => file.startsWith('chunks/'))
        .map(([file, hash]) => [`${base}${file}`, hash]),
    );
    stack.web.page(
      '/from-cdn.html',
      html(`<script type="importmap">${JSON.stringify({ imports: {}, integrity })}</script>
<script type="module" src="${base}patient-booking.js" integrity="${sri()['patient-booking.js']}" crossorigin="anonymous"></script>
<patient-booking locale="en" backend="${stack.web.origin}/dist/"></patient-booking>`),
    );
    const { page, context, problems } = await open(
      stack.browser,
      `${stack.web.origin}/from-cdn.html`,
    );
    await bookAsGuest(page);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
