import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Web mode: the same renderer served to a plain browser (the e2e tests use it).
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    // No data: URLs: the CSP allows fonts and images from 'self' only (KaTeX's fonts).
    assetsInlineLimit: 0,
  },
});
