import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/summary.ts'],
  format: ['esm'],
  target: 'node20',
  dts: false,
  clean: true,
  sourcemap: true,
  // The bin is run directly (`tp2dg-summary`), so it needs a shebang.
  banner: { js: '#!/usr/bin/env node' },
});
