import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/generate.ts'],
  format: ['esm'],
  target: 'node20',
  dts: false,
  clean: true,
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
});
