import { defineConfig } from 'vitest/config';

// Generated-project smoke tests: slow (real installs), so separate from the unit and e2e run.
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.test.ts'],
    // Includes the CI-jobs harness (test/smoke/ciJobs.test.ts, about 7-12 min): every job of the
    // default GitHub project and the promotion jobs of a GitLab and an Azure project, every run.
    globalSetup: ['test/smoke/toolsSetup.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    // Two generated projects at a time (2 cores): installs wait on the network, tests on the CPU.
    maxConcurrency: 2,
  },
});
