import { defineConfig } from 'tsup';

export default defineConfig({
  // `test` is the conformance kit and synthetic-corpus writer behind `@tp2dg/data-loaders/test`.
  entry: { index: 'src/index.ts', test: 'src/testing/index.ts' },
  format: ['esm'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
});
