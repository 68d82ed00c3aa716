import { defineConfig } from 'tsup';
import { sharedBuild } from '../../tsup.base';

export default defineConfig({
  ...sharedBuild,
  // The bins are bin/tp2dg-*.js, which import these: no shebang needed here.
  entry: ['src/generate.ts', 'src/eval.ts', 'src/export.ts'],
});
