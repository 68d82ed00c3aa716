import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'summary', include: ['src/**/*.test.ts'] },
});
