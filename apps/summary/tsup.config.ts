import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.base';

export default defineConfig({
  ...sharedBuild,
  entry: ['src/summary.ts'],
  // The bin is run directly (`tp2dg-summary`), so it needs a shebang.
  banner: { js: '#!/usr/bin/env node' },
});
