import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests exercise the test hooks' code (src-renderer/testHooks.d.ts).
  define: { __ATLAS_TEST_HOOKS__: 'true' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000, // a bound for a hang, not for speed (tests wait on state)
    pool: 'forks',
  },
});
