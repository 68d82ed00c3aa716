import { unitTestProject } from '../../vitest.unit-project';

export default unitTestProject('call-quota');
