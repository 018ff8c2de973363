import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Web mode: the same renderer served to a plain browser. `npm run build:web` builds it with
// `--mode e2e`, which compiles in the test hooks the e2e tests, benchmarks and thumbnails read
// (`window.__atlas*`); `npm run web` builds it without them, like the app.
export default defineConfig(({ mode }) => ({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  define: { __ATLAS_TEST_HOOKS__: JSON.stringify(mode === 'e2e') },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    // No data: URLs: the CSP allows fonts and images from 'self' only (KaTeX's fonts).
    assetsInlineLimit: 0,
  },
}));
