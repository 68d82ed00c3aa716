import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base';

export default defineConfig({
  ...libraryBuild,
  // `test` is the conformance kit and synthetic-corpus writer behind `@tp2dg/data-loaders/test`.
  entry: { index: 'src/index.ts', test: 'src/testing/index.ts' },
});
