import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.base';

export default defineConfig({
  ...sharedBuild,
  // The bin is bin/tp2dg-generate.js, which imports this: no shebang needed here.
  entry: ['src/generate.ts'],
});
