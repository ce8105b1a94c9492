import { defineConfig } from 'vite';

/**
 * `npm run build` → dist/patient-booking.js (ES module; lazily loaded code in dist/chunks/),
 * dist/embed.html + dist/embed.js (iframe and CMS embedding), dist/callback.html (login popup).
 * The HTML pages are static (public/) and load the entries by name: every entry is one request.
 * `npm start` uses the dev server on 5173 for the demo pages (index.html, demo/).
 */
export default defineConfig({
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
