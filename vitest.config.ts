import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI's end-to-end tests are a project of their own (see apps/cli/vitest.e2e.config.ts).
    projects: ['packages/*', 'apps/*', 'apps/cli/vitest.e2e.config.ts'],
    globalSetup: ['./scripts/test-temp-root.ts'],
    // Most test time is spent waiting on the CLIs and emulators the tests start, not on CPU:
    // three workers on a 2-core machine take half the time of the default one per spare core.
    maxWorkers: 3,
    // The CI contract reads one plain tally line, not vitest's own summary.
    reporters: ['default', './scripts/tally-reporter.ts'],
  },
});
