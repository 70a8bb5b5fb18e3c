import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fail-on-console.ts'],
    // Dates in the rules are calendar dates; pin the zone so a test never
    // depends on where it runs.
    env: { TZ: 'Europe/Copenhagen' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
