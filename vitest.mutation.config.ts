import { defineConfig } from 'vitest/config';

// `npm run mutation` runs these: the tests of the identification rules, which
// need no database, so each of Stryker's hundreds of runs takes a second.
export default defineConfig({
  test: {
    include: [
      'test/procedures/at-risk/traffic-light.test.ts',
      'test/procedures/at-risk/identify-students.test.ts',
      'test/procedures/at-risk/identification-period.test.ts',
      'test/shared/calendar-date.test.ts',
    ],
    setupFiles: ['test/setup/fail-on-console.ts'],
    env: { TZ: 'Europe/Copenhagen' },
    pool: 'forks',
  },
});
