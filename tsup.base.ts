import type { Options } from 'tsup';

/**
 * `TP2DG_JS_ONLY=1` builds JavaScript without type declarations: the test command's build, since
 * tests run the JavaScript and `pnpm typecheck` checks the types. Declarations are three quarters
 * of a build's time. turbo hashes the variable (turbo.json), so each build has its own cache entry.
 */
const withDeclarations = process.env.TP2DG_JS_ONLY !== '1';

/**
 * The build every package and app shares: ESM for Node 20, with source maps. A package adds
 * its own entries (and `dts` for its types); an app adds its entry and the shebang. A
 * JavaScript-only build leaves dist's declarations of the last full build in place, so an
 * editor keeps its types after `pnpm test`.
 */
export const sharedBuild: Options = {
  format: ['esm'],
  target: 'node20',
  clean: withDeclarations,
  sourcemap: true,
};

/** A library with one entry, `src/index.ts`, and its type declarations. */
export const libraryBuild: Options = { ...sharedBuild, entry: ['src/index.ts'], dts: withDeclarations };
