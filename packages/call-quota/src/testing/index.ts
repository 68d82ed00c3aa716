export { createFakeClock } from './fake-clock.js';
