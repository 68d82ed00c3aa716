import { defineProject } from 'vitest/config';
import { BUILT_PACKAGES_NATIVE } from '../../vitest.unit-project';

/**
 * The built bins end to end, each test in its own output folder, so the files run in parallel
 * like the rest. `pnpm test --project cli-e2e` runs only these, `--project '!cli-e2e'` all but.
 */
export default defineProject({
  test: {
    name: 'cli-e2e',
    include: ['e2e/**/*.test.ts'],
    // These tests run the built bins in child processes, many in a `beforeAll`: seconds each on a
    // loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    server: BUILT_PACKAGES_NATIVE,
  },
});
