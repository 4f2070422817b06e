import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No redis-server: the run fails with how to install it, unless QUIZ_TEST_SKIP_REDIS=1.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start servers and child processes; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
