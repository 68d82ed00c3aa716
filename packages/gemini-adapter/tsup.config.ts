import { defineConfig } from 'tsup';

export default defineConfig({
  // `testing` is a separate entry so production code never loads the emulator.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
});
