import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { EVENT_REGISTRY } from './src/contract/events.js';
import { CLOSE_LABELS } from './src/contract/dialog-labels.js';
import { FRAME_TITLES, LOCALES, OPEN_LABELS } from './src/contract/locales.js';

/**
 * `npm run build` → dist/patient-booking.js (ES module; lazily loaded code in dist/chunks/),
 * dist/embed.html + dist/embed.js (iframe and CMS embedding), dist/callback.html (login popup).
 * The HTML pages are static (public/) and load the entries by name: every entry is one request.
 * `npm start` uses the dev server on 5173 for the demo pages (index.html, demo/).
 */

/**
 * Entries that must stay one self-contained file (no static import of a shared chunk): the embed
 * entries and the callback page, and patient-booking.js itself, so that the guest path's code
 * comes in one request (its lazy chunks import from it, never the other way round).
 */
const SINGLE_FILE = ['patient-booking.js', 'embed.js', 'embed-frame.js', 'callback.js'];
/** Entries that also run as classic scripts (`<script src defer>`): wrapped, no import/export. */
const CLASSIC = ['embed.js'];

/**
 * Keeps the embed entries honest: a shared chunk would turn patient-booking.js into a re-export
 * stub and break embed.js as a classic script, so the build fails instead. embed.js is wrapped in
 * a function, so its top-level names do not become globals of the host page.
 */
function embedEntries(): Plugin {
  return {
    name: 'patient-booking:embed-entries',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !SINGLE_FILE.includes(fileName)) continue;
        if (chunk.imports.length > 0) {
          this.error(`${fileName} imports ${chunk.imports.join(', ')}: it must stay one file`);
        }
        if (!CLASSIC.includes(fileName)) continue;
        if (chunk.exports.length > 0 || /^\s*(import\s*[{*'"\w]|export\b)/m.test(chunk.code)) {
          this.error(`${fileName} must have no import or export: it runs as a classic script`);
        }
        chunk.code = `(() => {\n${chunk.code}\n})();\n`;
      }
    },
  };
}

const graphs = new WeakMap<Rolldown.ChunkingContext, Map<string, Set<string>>>();

/** Every module the given entries reach through static imports (once per chunking pass). */
function staticGraph(ctx: Rolldown.ChunkingContext, entries: readonly string[]): Set<string> {
  const key = entries.join('|');
  let byEntries = graphs.get(ctx);
  if (!byEntries) graphs.set(ctx, (byEntries = new Map()));
  let found = byEntries.get(key);
  if (found) return found;
  found = new Set();
  const queue = [...entries];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  byEntries.set(key, found);
  return found;
}

const MAIN = [resolve('src/patient-booking.ts')];
/** The code of the steps after the first: the booking flow's chunk and the later steps' views. */
const STEPS = [resolve('src/lazy/steps.ts')];

/**
 * Two chunks by hand; rolldown's automatic ones would cost requests:
 * - patient-booking.js keeps what the entry imports statically. Left alone, rolldown moves the
 *   modules that the entry shares with two or more lazy chunks (lit, the view base) into a common
 *   chunk that the entry imports: one more request on the guest path.
 * - Everything the steps after the first need goes into one chunk (`src/lazy/steps.ts`), which the
 *   root fetches ahead of need, instead of five files in two rounds. The account chunk imports what
 *   it shares with them from it.
 * (The sign-in bar's chunk, which the account chunk imports what they share from, needs no
 * group: it is always there before the account.)
 */
const chunkGroups: Rolldown.CodeSplittingGroup[] = [
  {
    name: (id, ctx) => (staticGraph(ctx, MAIN).has(id) ? 'patient-booking' : null),
    debugName: 'patient-booking (static imports of the entry)',
  },
  {
    name: (id, ctx) =>
      !staticGraph(ctx, MAIN).has(id) && staticGraph(ctx, STEPS).has(id) ? 'steps' : null,
    debugName: 'steps (after the first)',
  },
];

/**
 * Vite wraps every `import()` of the app in its preload helper, which would fetch the chunk's own
 * static imports beside it. The chunks the guest path fetches import nothing but
 * patient-booking.js (see `chunkGroups`), which is loaded already, and the account code fetches
 * the steps' chunk beside its own (`account/account-slot.ts`): the helper would only cost bytes on the
 * guest path, so it becomes a plain call.
 */
function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'patient-booking:no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : null),
  };
}

/**
 * Lit's `html` and `css` templates keep the source's line breaks, indentation and CSS comments in
 * the bundle. A run of white space with a line break in it renders like one space (no template
 * here sits in a `white-space: pre` context), so the build writes one space instead; in CSS it
 * also drops comments and the spaces next to braces, semicolons, commas and after colons (no
 * selector here has a space after a colon, no string a comma and a space).
 */
function compactTemplates(): Plugin {
  const TAGS = new Set(['html', 'css']);
  const compactHtml = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  const compactCss = (text: string) =>
    compactHtml(text.replace(/\/\*[\s\S]*?\*\//g, ''))
      .replace(/\s*([{};,])\s*|(:)\s+/g, '$1$2')
      .replace(/;}/g, '}');
  return {
    name: 'patient-booking:compact-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const parts: Array<[start: number, end: number, compact: (text: string) => string]> = [];
      const visit = (node: ts.Node): void => {
        const tag = ts.isTaggedTemplateExpression(node) ? node.tag.getText(file) : '';
        if (ts.isTaggedTemplateExpression(node) && TAGS.has(tag)) {
          const compact = tag === 'css' ? compactCss : compactHtml;
          const t = node.template;
          if (ts.isNoSubstitutionTemplateLiteral(t)) {
            parts.push([t.getStart(file) + 1, t.end - 1, compact]);
          } else {
            parts.push([t.head.getStart(file) + 1, t.head.end - 2, compact]);
            for (const span of t.templateSpans) {
              const literal = span.literal;
              const close = ts.isTemplateTail(literal) ? 1 : 2;
              parts.push([literal.getStart(file) + 1, literal.end - close, compact]);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (parts.length === 0) return null;
      let out = code;
      for (const [start, end, compact] of parts.sort((a, b) => b[0] - a[0])) {
        out = out.slice(0, start) + compact(out.slice(start, end)) + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * `dist/sri.json`: the Subresource Integrity hash (sha384) of every script and style the build
 * writes, by file name. Practices that load the widget from a CDN pin the entry with `integrity`
 * and the lazily loaded chunks with an import map's `integrity` (docs/embedding.md). Runs last, on
 * the final code.
 */
function sriManifest(): Plugin {
  return {
    name: 'patient-booking:sri-manifest',
    apply: 'build',
    // The files as written: other plugins may still change a chunk's code in generateBundle.
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const hashes = Object.keys(bundle)
        .filter((fileName) => /\.(js|css)$/.test(fileName))
        .sort()
        .map((fileName) => {
          const content = readFileSync(resolve(dir, fileName));
          return [fileName, `sha384-${createHash('sha384').update(content).digest('base64')}`];
        });
      writeFileSync(
        resolve(dir, 'sri.json'),
        `${JSON.stringify(Object.fromEntries(hashes), null, 2)}\n`,
      );
    },
  };
}

export default defineConfig({
  // The registries for embed.js and embed-frame.js, which share no module with the widget
  // (`src/embed/registries.ts`).
  define: {
    __PB_LOCALES__: JSON.stringify(FRAME_TITLES),
    __PB_EVENTS__: JSON.stringify(EVENT_REGISTRY),
    __PB_LAUNCHER__: JSON.stringify(
      Object.fromEntries(LOCALES.map((l) => [l, { open: OPEN_LABELS[l], close: CLOSE_LABELS[l] }])),
    ),
  },
  plugins: [noPreloadHelper(), compactTemplates(), embedEntries(), sriManifest()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // No preload helper: see `noPreloadHelper`.
    modulePreload: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: {
        'patient-booking': 'src/patient-booking.ts',
        embed: 'src/embed/loader.ts',
        'embed-frame': 'src/embed/frame.ts',
        callback: 'src/auth/callback.ts',
      },
      // Lazy chunks import what they share with the entry from the entry itself (no shared
      // chunk on the critical path, no re-export stub for patient-booking.js).
      preserveEntrySignatures: 'allow-extension',
      output: {
        codeSplitting: { groups: chunkGroups },
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  // The proof-of-work worker (`booking/booking-proof.ts`): one file beside the lazy chunks, named
  // by its hash, reached relative to the chunk that starts it (the widget works under any prefix).
  worker: {
    format: 'es',
    rolldownOptions: { output: { entryFileNames: 'chunks/[name]-[hash].js' } },
  },
  experimental: {
    renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined),
  },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, strictPort: true },
});
