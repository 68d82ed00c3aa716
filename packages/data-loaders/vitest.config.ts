import { unitTestProject } from '../../vitest.unit-project';

export default unitTestProject('data-loaders');
