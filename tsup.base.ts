import type { Options } from 'tsup';

/**
 * The build every package and app shares: ESM for Node 20, with source maps. A package adds
 * its own entries (and `dts` for its types); an app adds its entry and the shebang.
 */
export const sharedBuild: Options = {
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
};

/** A library with one entry, `src/index.ts`, and its type declarations. */
export const libraryBuild: Options = { ...sharedBuild, entry: ['src/index.ts'], dts: true };
