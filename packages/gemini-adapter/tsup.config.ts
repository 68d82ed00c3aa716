import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base';

export default defineConfig({
  ...libraryBuild,
  // `testing` is a separate entry so production code never loads the emulator; `planning` so
  // that a command plans a run without loading the SDK (see src/planning.ts).
  entry: { index: 'src/index.ts', planning: 'src/planning.ts', testing: 'src/testing/index.ts' },
});
