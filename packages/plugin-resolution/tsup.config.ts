import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base';

export default defineConfig({
  ...libraryBuild,
  // `testing` is a separate entry: what the plugin kinds' tests share, never loaded in production.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
});
