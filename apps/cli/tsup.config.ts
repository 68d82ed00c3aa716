import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.base';

export default defineConfig({
  ...sharedBuild,
  // The bins are bin/tp2dg-*.js, which import these: no shebang needed here. command-lines.js is
  // what they run, for the end-to-end tests to run in their own process.
  entry: ['src/generate.ts', 'src/eval.ts', 'src/export.ts', 'src/command-lines.ts'],
});
