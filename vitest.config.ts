import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000, // a bound for a hang, not for speed (tests wait on state)
    pool: 'forks',
  },
});
