import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base';

export default defineConfig({
  ...libraryBuild,
  // `testing` is a separate entry so production code never loads the test clock.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
});
