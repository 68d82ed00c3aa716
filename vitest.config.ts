import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    globalSetup: ['./scripts/test-temp-root.ts'],
    // The CI contract reads one plain tally line, not vitest's own summary.
    reporters: ['default', './scripts/tally-reporter.ts'],
  },
});
