import { defineConfig } from 'vitest/config';

// End-to-end tests: playwright-core drives Debian's Chromium against the built web mode.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // Bounds for a hang, not for speed: under load (npm run test:stress) a test runs 2-3x longer.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // expect.poll waits on the page's state; its 1 s default is a race on a busy machine.
    expect: { poll: { timeout: 90_000, interval: 50 } },
    fileParallelism: false,
    globalSetup: ['tests/e2e/support/server.ts'],
  },
});
