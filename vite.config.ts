import { defineConfig, type Plugin } from 'vite';

/**
 * `npm run build` → dist/patient-booking.js (ES module; lazily loaded code in dist/chunks/),
 * dist/embed.html + dist/embed.js (iframe and CMS embedding), dist/callback.html (login popup).
 * The HTML pages are static (public/) and load the entries by name: every entry is one request.
 * `npm start` uses the dev server on 5173 for the demo pages (index.html, demo/).
 */

/** Entries that must stay one self-contained file (no import of a shared chunk). */
const SINGLE_FILE = ['embed.js', 'embed-frame.js', 'callback.js'];
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

export default defineConfig({
  plugins: [embedEntries()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rolldownOptions: {
      input: {
        'patient-booking': 'src/patient-booking.ts',
        embed: 'src/embed/loader.ts',
        'embed-frame': 'src/embed/frame.ts',
        callback: 'src/auth/callback.ts',
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, strictPort: true },
});
