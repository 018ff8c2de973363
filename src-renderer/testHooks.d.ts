/**
 * Build-time switch for the `window.__atlas*` hooks and the engine worker's test hooks:
 * `true` only in test builds (`npm run build:web`, which the e2e tests, benchmarks and
 * thumbnails load), `false` in `npm run build`, so the hooks are tree-shaken out of the app.
 * Set by `define` in vite.web.config.ts, electron.vite.config.ts and vitest.config.ts.
 */
declare const __ATLAS_TEST_HOOKS__: boolean;
