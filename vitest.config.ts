import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start servers and child processes; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
