import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Custom folders (src-main, src-renderer) need explicit inputs; the preload is emitted as
// CommonJS because a sandboxed preload cannot load an ES module.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages or sibling chunks: each preload is one
      // self-contained CJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      outDir: 'out/preload',
      rollupOptions: {
        input: {
          preload: resolve(__dirname, 'src-main/preload.ts'),
          computePreload: resolve(__dirname, 'src-main/computePreload.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    // The app never carries the e2e test hooks (src-renderer/testHooks.d.ts).
    define: { __ATLAS_TEST_HOOKS__: 'false' },
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Inlined fonts would be data: URLs, which the CSP refuses for fonts loaded by CSS.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 8000,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-renderer/index.html'),
          compute: resolve(__dirname, 'src-renderer/compute.html'),
        },
      },
    },
  },
});
