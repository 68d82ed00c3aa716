import { defineProject } from 'vitest/config';

/**
 * The workspace's built packages (`dist/`) are imported by Node itself, not through vitest's
 * transform: they are plain JavaScript already, and no test mocks them.
 */
export const BUILT_PACKAGES_NATIVE = { deps: { external: [/\/dist\//] } };

/**
 * A package's or an app's own tests, in-process (`src/**\/*.test.ts`). Not isolated: each worker
 * imports a dependency once for all its files instead of once per file, which more than halves
 * these projects' time (the language detector of @tp2dg/metrics alone takes half a second to
 * load). Their files share no module state: each makes its own temporary folders and servers,
 * and one that changes the environment or the timers puts them back. The end-to-end tests stay
 * isolated (apps/cli/vitest.e2e.config.ts).
 */
export function unitTestProject(name: string, options: { testTimeout?: number } = {}) {
  return defineProject({
    test: { name, include: ['src/**/*.test.ts'], isolate: false, server: BUILT_PACKAGES_NATIVE, ...options },
  });
}
