export { installPackage } from './install-package.js';
