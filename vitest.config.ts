import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    // The CI contract reads one plain tally line, not vitest's own summary.
    reporters: ['default', './scripts/tally-reporter.ts'],
  },
});
