import { unitTestProject } from '../../vitest.unit-project';

// Some of these tests run the built bin in a child process: seconds each on a loaded 2-core machine.
export default unitTestProject('summary', { testTimeout: 30_000 });
