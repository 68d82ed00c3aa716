import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'data-dummy', include: ['src/**/*.test.ts'] },
});
