import { unitTestProject } from '../../vitest.unit-project';

/** The CLI's own modules, tested in-process. The bins end to end are `vitest.e2e.config.ts`. */
export default unitTestProject('cli');
