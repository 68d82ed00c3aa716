import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'summary',
    include: ['src/**/*.test.ts'],
    // These tests run the built bins in child processes: seconds each on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
