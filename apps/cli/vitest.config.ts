import { defineProject } from 'vitest/config';

/** The CLI's own modules, tested in-process. The bins end to end are `vitest.e2e.config.ts`. */
export default defineProject({
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts'],
  },
});
