import { unitTestProject } from '../../vitest.unit-project';

export default unitTestProject('model-testing');
