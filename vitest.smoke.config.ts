import { defineConfig } from 'vitest/config';

// Generated-project smoke tests: slow (real installs), so separate from the unit and e2e run.
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.test.ts'],
    globalSetup: ['test/smoke/toolsSetup.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    // Two generated projects at a time (2 cores): installs wait on the network, tests on the CPU.
    maxConcurrency: 2,
  },
});
