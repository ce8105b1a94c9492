import { defineConfig } from 'vite';

/**
 * `npm run build` → dist/patient-booking.js (ES module; lazily loaded code in dist/chunks/).
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
      input: { 'patient-booking': 'src/patient-booking.ts' },
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
